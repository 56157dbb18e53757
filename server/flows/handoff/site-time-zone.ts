import type { FlowDeps } from '../../composition';

/**
 * The zone Insights names days in: the site's opening-hours zone (site config `hours.timeZone`),
 * read through the per-instance site cache; UTC for a site that no longer exists.
 */
export async function siteTimeZone(deps: FlowDeps, siteId: string): Promise<string> {
  const site = await deps.store.sites.get(siteId);
  return site?.config.hours.timeZone ?? 'UTC';
}
