import { isOpenAt } from '../domain/hours';
import { offerWaiting } from '../flows/handoff/auto-assign';
import { scheduleFor } from '../flows/handoff/availability';
import type { FlowDeps } from '../composition';
import { publishQueueViews } from '../flows/handoff/queue-views';

/**
 * Waiting visitors' views depend on whether their queue is open, and nothing else happens when the
 * clock crosses an opening or a closing: without this, someone queued at 16:55 keeps an estimate
 * after 17:00, and someone queued before 09:00 keeps "outside hours" once the team is in.
 * Returns a check to run periodically; it compares each waiting queue at the last check and now.
 */
export function createHoursWatch(deps: FlowDeps): () => Promise<number> {
  let lastCheck = deps.clock.now();
  return async function republishWhereHoursChanged(): Promise<number> {
    const now = deps.clock.now();
    const since = lastCheck;
    lastCheck = now;
    let changed = 0;
    for (const { siteId, queue } of await deps.store.conversations.waitingQueues()) {
      const site = await deps.store.sites.get(siteId);
      if (!site) continue;
      const schedule = scheduleFor(site, queue);
      if (isOpenAt(schedule, since) === isOpenAt(schedule, now)) continue;
      changed++;
      await publishQueueViews(deps, site, queue);
      await offerWaiting(deps, site, queue);
    }
    return changed;
  };
}
