import type { FlowDeps } from '../../composition';

/** Well inside a load balancer's probe timeout: /healthz answers within a second even when the database hangs. */
export const HEALTH_BUDGET_MS = 800;

/** timedOut: no answer within the budget (a stall), as opposed to a refused or failed ping. */
export type DatabaseHealth = { up: true } | { up: false; reason: string; timedOut: boolean };

/**
 * Whether the database answers a ping within the budget; never throws and never waits longer, so a
 * stalled database (a hung process, a black-holed network) reads as down instead of hanging the probe.
 */
export async function checkDatabase(deps: FlowDeps, budgetMs = HEALTH_BUDGET_MS): Promise<DatabaseHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), budgetMs);
  });
  try {
    const answer = await Promise.race([deps.store.ping(), late]);
    if (answer === true) return { up: true };
    if (answer === 'late') return { up: false, reason: `the database did not answer a ping within ${budgetMs} ms`, timedOut: true };
    return { up: false, reason: 'the database refused or failed the ping', timedOut: false };
  } finally {
    clearTimeout(timer);
  }
}
