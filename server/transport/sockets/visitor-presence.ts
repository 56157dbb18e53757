import type { FlowDeps } from '../../composition';
import { recordVisitorPresence } from '../../flows/visitor/presence';

/** A page change closes one socket and opens the next within a second or two: not worth a "left". */
export const LEFT_GRACE_MS = 8000;

/**
 * Counts this instance's sockets per visitor: the first hello marks the visitor on the page, the
 * last close (after a grace period without a new one) marks them gone. Per instance: a visitor with
 * tabs on two instances is marked gone when the tabs on one of them close (noted in the README).
 */
export function createVisitorPresence(deps: FlowDeps, graceMs = LEFT_GRACE_MS) {
  const sockets = new Map<string, number>();
  const leaving = new Map<string, ReturnType<typeof setTimeout>>();
  const record = (visitorId: string, online: boolean) =>
    void recordVisitorPresence(deps, visitorId, online).catch((error) => deps.log.warn({ err: error, visitorId }, 'could not record visitor presence'));

  return {
    arrived(visitorId: string) {
      sockets.set(visitorId, (sockets.get(visitorId) ?? 0) + 1);
      const pending = leaving.get(visitorId);
      if (pending) {
        clearTimeout(pending);
        leaving.delete(visitorId);
      }
      record(visitorId, true);
    },
    left(visitorId: string) {
      const count = (sockets.get(visitorId) ?? 1) - 1;
      if (count > 0) return void sockets.set(visitorId, count);
      sockets.delete(visitorId);
      clearTimeout(leaving.get(visitorId));
      leaving.set(
        visitorId,
        setTimeout(() => {
          leaving.delete(visitorId);
          if (!sockets.has(visitorId)) record(visitorId, false);
        }, graceMs),
      );
    },
    stop() {
      for (const timer of leaving.values()) clearTimeout(timer);
      leaving.clear();
    },
  };
}

export type VisitorPresence = ReturnType<typeof createVisitorPresence>;
