import type { WidgetAvailability } from '../../../shared/visitor-protocol';
import { nextOpening } from '../../domain/hours';
import type { Site } from '../../entities/site';
import type { FlowDeps } from '../../composition';
import { loadAvailability } from '../handoff/availability';

/** The site a widget names by its public key, or null. */
export function siteByKey(deps: FlowDeps, siteKey: string): Promise<Site | null> {
  return deps.store.sites.byKey(siteKey);
}

/** Settings saved since a socket opened govern its next frame; a site gone since keeps the one held. */
export async function currentSite(deps: FlowDeps, site: Site): Promise<Site> {
  return (await deps.store.sites.get(site._id)) ?? site;
}

/** Whether a person could answer now, for the launcher's "back Monday at 9:00" or hiding itself. */
export async function siteAvailability(deps: FlowDeps, site: Site): Promise<WidgetAvailability> {
  const now = deps.clock.now();
  const queues = await Promise.all(site.config.queues.map((q) => loadAvailability(deps, site, q.id)));
  const available = queues.some((q) => q.open && q.operators.length > 0);
  const openings = queues
    .map((q) => (q.open ? null : nextOpening(q.schedule, now)))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  return {
    available,
    nextOpenAt: available ? null : (openings[0]?.toISOString() ?? null),
    siteTimeZone: site.config.hours.timeZone,
    whenUnavailable: site.config.widget.whenUnavailable,
    handoffEnabled: site.config.handoffEnabled,
  };
}
