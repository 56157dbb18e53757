import type { FlowDeps } from '../../composition';

/** Whether the database answers a ping within the store's timeout; never throws, so a health check can report it. */
export function isDatabaseUp(deps: FlowDeps): Promise<boolean> {
  return deps.store.ping();
}
