import type { Presence } from '../../shared/operator-protocol';
import type { OperatorDoc } from '../store/documents';
import type { FlowDeps } from './deps';
import { offerAllQueues } from './auto-assign';
import { publishQueueViews } from './queue-views';

/** A closed inbox is "away" after a short grace (a reload is not a departure), "offline" later. */
export const AWAY_AFTER_MS = 30_000;
export const OFFLINE_AFTER_MS = 5 * 60_000;

export async function setPresence(deps: FlowDeps, operator: OperatorDoc, presence: Presence, byChoice = false): Promise<void> {
  if (operator.presence === presence && (operator.presenceByChoice ?? false) === byChoice) return;
  const updated = await deps.store.operators.setPresence(operator._id, presence, byChoice, deps.clock.now());
  if (!updated || operator.presence === presence) return;
  for (const siteId of updated.siteIds) {
    deps.hub.toSite(siteId, { type: 'presence_updated', operatorId: updated._id, presence });
    // Waiting visitors' estimates and callback offers depend on who is online.
    const site = await deps.store.sites.get(siteId);
    if (site) for (const queue of site.config.queues) await publishQueueViews(deps, site, queue.id);
    // The backlog never waits for the next arrival: someone online means offers now.
    if (presence === 'online') await offerAllQueues(deps, siteId);
  }
}

/** Opening the inbox brings an operator online, unless they chose "away" themselves. */
export async function operatorReturned(deps: FlowDeps, operator: OperatorDoc): Promise<void> {
  const choseAway = operator.presence === 'away' && operator.presenceByChoice;
  if (operator.presence !== 'online' && !choseAway) await setPresence(deps, operator, 'online');
}

export function presenceTimers(deps: FlowDeps) {
  const timers = new Map<string, NodeJS.Timeout[]>();
  const clear = (operatorId: string) => {
    for (const t of timers.get(operatorId) ?? []) clearTimeout(t);
    timers.delete(operatorId);
  };
  const later = (operatorId: string, ms: number, presence: Presence) =>
    setTimeout(async () => {
      const fresh = await deps.store.operators.get(operatorId).catch(() => null);
      if (fresh && !deps.hub.connectedOperators().has(operatorId)) {
        await setPresence(deps, fresh, presence).catch((err) => deps.log.error({ err, operatorId }, 'presence change failed'));
      }
    }, ms).unref();
  return {
    connected(operatorId: string) {
      clear(operatorId);
    },
    lastSocketClosed(operatorId: string) {
      clear(operatorId);
      timers.set(operatorId, [later(operatorId, AWAY_AFTER_MS, 'away'), later(operatorId, OFFLINE_AFTER_MS, 'offline')]);
    },
    stopAll() {
      for (const id of [...timers.keys()]) clear(id);
    },
  };
}
