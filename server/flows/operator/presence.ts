import type { Presence } from '../../../shared/operator-protocol';
import { type PresenceState, presenceOnReturn, presenceWhenGone } from '../../domain/presence-rules';
import type { Operator } from '../../entities/operator';
import type { FlowDeps } from '../../composition';
import { offerAllQueues } from '../handoff/auto-assign';
import { publishQueueViews } from '../handoff/queue-views';

/** A closed inbox is "away" after a short grace (a reload is not a departure), "offline" later. */
export const AWAY_AFTER_MS = 30_000;
export const OFFLINE_AFTER_MS = 5 * 60_000;

export async function setPresence(deps: FlowDeps, operator: Operator, presence: Presence, byChoice = false): Promise<void> {
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

const stateOf = (op: Operator): PresenceState => ({ presence: op.presence, byChoice: op.presenceByChoice ?? false });

/** Opening the inbox brings an operator online, unless they chose "away" themselves. */
export async function operatorReturned(deps: FlowDeps, operator: Operator): Promise<void> {
  const next = presenceOnReturn(stateOf(operator));
  if (next) await setPresence(deps, operator, next.presence, next.byChoice);
}

export function presenceTimers(deps: FlowDeps, delays = { awayMs: AWAY_AFTER_MS, offlineMs: OFFLINE_AFTER_MS }) {
  const timers = new Map<string, NodeJS.Timeout[]>();
  const clear = (operatorId: string) => {
    for (const t of timers.get(operatorId) ?? []) clearTimeout(t);
    timers.delete(operatorId);
  };
  const later = (operatorId: string, ms: number, stage: 'away' | 'offline') =>
    setTimeout(async () => {
      const fresh = await deps.store.operators.get(operatorId).catch(() => null);
      if (!fresh || deps.hub.connectedOperators().has(operatorId)) return;
      const next = presenceWhenGone(stateOf(fresh), stage);
      if (!next) return;
      await setPresence(deps, fresh, next.presence, next.byChoice).catch((err) =>
        deps.log.error({ err, operatorId }, 'presence change failed'),
      );
    }, ms).unref();
  const lastSocketClosed = (operatorId: string) => {
    clear(operatorId);
    timers.set(operatorId, [later(operatorId, delays.awayMs, 'away'), later(operatorId, delays.offlineMs, 'offline')]);
  };
  return {
    connected(operatorId: string) {
      clear(operatorId);
    },
    lastSocketClosed,
    /**
     * A restart closed every inbox socket, and the timers that would have moved their operators
     * on died with the old process: start them again, or those operators stay "online" for good.
     */
    async afterRestart() {
      for (const op of await deps.store.operators.present()) {
        if (!deps.hub.connectedOperators().has(op._id)) lastSocketClosed(op._id);
      }
    },
    stopAll() {
      for (const id of [...timers.keys()]) clear(id);
    },
  };
}
