import { randomUUID } from 'node:crypto';
import type { FlowDeps } from '../../composition';
import { recordVisitorPresence } from '../../flows/visitor/presence';
import { HEARTBEAT_MS, STALE_AFTER_MS } from '../../realtime/operator-heartbeats';

/** A page change closes one socket and opens the next within a second or two: not worth a "left". */
export const LEFT_GRACE_MS = 8000;

/** Presence writes of different visitors running at once on this instance. */
const WRITES_AT_ONCE = 16;

/** Runs at most `size` of the given works at a time, the rest in arrival order as slots free up. */
function createSlots(size: number) {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (busy < size) busy++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      // Handed to the next in line (still busy), or freed.
      const next = waiting.shift();
      if (next) next();
      else busy--;
    }
  };
}

export interface VisitorPresenceOptions {
  /** This instance's id, as its event bus and operator heartbeats know it. */
  instanceId?: string;
  graceMs?: number;
  /** How often this instance renews its visitors' documents and sweeps stale ones. */
  heartbeatMs?: number;
  /** A document not renewed for this long belongs to an instance that stopped or died. */
  staleAfterMs?: number;
}

/**
 * The visitor is on the page while any instance holds one of their sockets. Each instance counts
 * its own sockets per visitor in memory and keeps in the database only whether it holds any
 * (store/visitor-sockets-store.ts: written when the first opens and deleted once the last has been
 * closed for the grace period, so a page change writes no presence), with a heartbeat of its own on the
 * same beat as the operators' heartbeats. The first hello marks the visitor on the
 * page; when this instance's last socket closes, after a grace period without a new one anywhere,
 * the visitor is marked gone unless another instance still holds a socket. An instance that dies
 * stops beating: whichever instance sweeps its documents first marks those visitors gone.
 */
export function createVisitorPresence(deps: FlowDeps, options: VisitorPresenceOptions = {}) {
  const {
    instanceId = `solo-${randomUUID().slice(0, 8)}`,
    graceMs = LEFT_GRACE_MS,
    heartbeatMs = HEARTBEAT_MS,
    staleAfterMs = STALE_AFTER_MS,
  } = options;
  const store = deps.store.visitorSockets;
  const sockets = new Map<string, number>();
  const leaving = new Map<string, ReturnType<typeof setTimeout>>();
  const warn = (error: unknown, visitorId?: string) => deps.log.warn({ err: error, visitorId }, 'could not record visitor presence');
  const record = (visitorId: string, online: boolean) => recordVisitorPresence(deps, visitorId, online);
  const freshAfter = () => new Date(Date.now() - staleAfterMs);

  // A quick open-then-close must not write the 0 before the 1: one write at a time per visitor, in
  // call order. Per visitor, not per instance: a storm of hellos (a restart's reconnects) would
  // otherwise wait on one queue, every hello's writes behind all the others'; and at most
  // WRITES_AT_ONCE visitors' writes at a time, so a mass disconnect cannot flood the database.
  const writes = new Map<string, Promise<void>>();
  const slot = createSlots(WRITES_AT_ONCE);
  const inOrder = (visitorId: string, write: () => Promise<unknown>) => {
    const next = (writes.get(visitorId) ?? Promise.resolve())
      .then(() => slot(write))
      .then(
        () => undefined,
        (error) => warn(error, visitorId),
      );
    writes.set(visitorId, next);
    void next.then(() => {
      if (writes.get(visitorId) === next) writes.delete(visitorId);
    });
    return next;
  };

  // The instances beating, as of this instance's last beat: read once per beat, not once per visitor who
  // leaves (a mass disconnect). Read on demand until the first beat. An instance started since is not in
  // it yet, but the documents it wrote are younger than `staleAfterMs` and count by their own date.
  let live: string[] | null = null;
  const liveNow = async () => live ?? (await store.liveInstances(freshAfter()));
  const isOnPageElsewhere = async (visitorId: string) => store.isOnPageElsewhere(visitorId, instanceId, await liveNow(), freshAfter());

  /** Gone only if no instance holds a socket of theirs any more. Runs in the visitor's write order. */
  async function leftEverywhere(visitorId: string): Promise<void> {
    if (sockets.has(visitorId)) return;
    await store.release(instanceId, visitorId);
    if (await isOnPageElsewhere(visitorId)) return;
    await record(visitorId, false);
    // A tab that opened on another instance meanwhile announced "on the page" there, possibly before
    // this "gone" was written or reached the operators: say it again, after this one.
    if (await isOnPageElsewhere(visitorId)) await recordVisitorPresence(deps, visitorId, true, { reannounce: true });
  }

  async function tick(): Promise<void> {
    await store.renew(instanceId, new Date());
    live = await store.liveInstances(freshAfter());
    const swept = await store.sweepStale(live, freshAfter());
    await Promise.all(swept.map((visitorId) => inOrder(visitorId, () => leftEverywhere(visitorId))));
  }

  let ticking: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (ticking) return;
    ticking = tick()
      .catch((error) => warn(error))
      .finally(() => {
        ticking = null;
      });
  }, heartbeatMs);
  timer.unref();

  return {
    /** `fresh`: a visitor started by this hello, who cannot have a conversation yet (nothing to read). */
    arrived(visitorId: string, { fresh = false }: { fresh?: boolean } = {}) {
      const before = sockets.get(visitorId) ?? 0;
      sockets.set(visitorId, before + 1);
      const pending = leaving.get(visitorId);
      if (pending) {
        clearTimeout(pending);
        leaving.delete(visitorId);
      }
      // Another tab of theirs is open here, or their last one closed within the grace period (a page
      // change): the database already says this instance holds them. Their conversation may have
      // started since that tab's hello, so it is still told (a read when it already says so).
      const holds = before > 0 || pending !== undefined;
      void inOrder(visitorId, async () => {
        if (!holds) await store.hold(instanceId, visitorId, new Date());
        if (!fresh) await record(visitorId, true);
      });
    },
    left(visitorId: string) {
      const count = Math.max((sockets.get(visitorId) ?? 1) - 1, 0);
      if (count > 0) {
        sockets.set(visitorId, count);
        return;
      }
      sockets.delete(visitorId);
      // The document stays through the grace period: to the other instances the visitor is still here.
      clearTimeout(leaving.get(visitorId));
      leaving.set(
        visitorId,
        setTimeout(() => {
          leaving.delete(visitorId);
          void inOrder(visitorId, () => leftEverywhere(visitorId));
        }, graceMs),
      );
    },
    /** Pending "left" checks are dropped: the documents go stale and another instance sweeps them. */
    async stop() {
      clearInterval(timer);
      for (const pending of leaving.values()) clearTimeout(pending);
      leaving.clear();
      await ticking;
      await Promise.all(writes.values());
    },
  };
}

export type VisitorPresence = ReturnType<typeof createVisitorPresence>;
