import type { SiteDoc } from '../store/documents';
import type { FlowDeps } from './deps';

/** The site a widget names by its public key, or null. */
export function siteByKey(deps: FlowDeps, siteKey: string): Promise<SiteDoc | null> {
  return deps.store.sites.byKey(siteKey);
}

/** Settings saved since a socket opened govern its next frame; a site gone since keeps the one held. */
export async function currentSite(deps: FlowDeps, site: SiteDoc): Promise<SiteDoc> {
  return (await deps.store.sites.get(site._id)) ?? site;
}
