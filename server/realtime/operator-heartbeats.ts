import type { Db } from 'mongodb';
import { listenerSet } from './hub';

/**
 * Which operators have an inbox open on which instance, kept in the database so that presence is
 * judged across instances: one document per (instance, operator), its `lastSeen` renewed every
 * `heartbeatMs` while the instance holds a socket of the operator, deleted when the last one
 * closes. A document older than `staleAfterMs` belongs to an instance that died without saying so.
 *
 * Each instance keeps the other instances' fresh heartbeats in memory (reloaded every beat, and
 * updated at once by the bus's operator_connected/disconnected events), because the presence
 * timers ask "is this operator connected anywhere?" synchronously.
 *
 * `lastSeen` is each instance's own clock; a skew well under `staleAfterMs` is harmless.
 */
export interface OperatorHeartbeats {
  start(): Promise<void>;
  stop(options: { forgetOwn: boolean }): Promise<void>;
  /** This instance now holds a socket of the operator. */
  beat(operatorId: string): void;
  /** This instance's last socket of the operator closed. */
  forget(operatorId: string): void;
  /** Another instance said the operator connected to it or left it. */
  remoteChanged(operatorId: string, connected: boolean, instanceId: string): void;
  /** Operators with a fresh heartbeat from another instance. */
  remoteOperators(): Set<string>;
  onVanished(listener: (operatorIds: string[]) => void): () => void;
}

export interface HeartbeatDoc {
  _id: string;
  operatorId: string;
  instanceId: string;
  lastSeen: Date;
}

export const HEARTBEAT_MS = 5000;
export const STALE_AFTER_MS = 15_000;

export function createOperatorHeartbeats(
  db: Db,
  options: {
    instanceId: string;
    heartbeatMs?: number;
    staleAfterMs?: number;
    localOperators: () => Set<string>;
    onError: (error: unknown) => void;
  },
): OperatorHeartbeats {
  const { instanceId, heartbeatMs = HEARTBEAT_MS, staleAfterMs = STALE_AFTER_MS, localOperators, onError } = options;
  const col = db.collection<HeartbeatDoc>('operator_heartbeats');
  const docId = (operatorId: string) => `${instanceId}:${operatorId}`;
  /** operatorId → instanceId → when last heard of (ms). */
  let remote = new Map<string, Map<string, number>>();
  /** Who was connected elsewhere at the previous reload: an operator missing now has vanished. */
  let lastReloaded = new Set<string>();
  const vanished = listenerSet<[string[]]>();
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<void> | null = null;

  // A quick connect-then-close must not delete before it upserts: one write at a time, in call order.
  let writes: Promise<unknown> = Promise.resolve();
  const inOrder = (write: () => Promise<unknown>) => {
    writes = writes.then(write).catch(onError);
  };

  const isFresh = (lastSeen: number, now: number) => now - lastSeen < staleAfterMs;
  const remoteNow = (now = Date.now()) => {
    const ids = new Set<string>();
    for (const [operatorId, byInstance] of remote) {
      for (const lastSeen of byInstance.values()) if (isFresh(lastSeen, now)) ids.add(operatorId);
    }
    return ids;
  };

  async function reloadRemote(): Promise<void> {
    const now = Date.now();
    const docs = await col.find({ instanceId: { $ne: instanceId }, lastSeen: { $gt: new Date(now - staleAfterMs) } }).toArray();
    const next = new Map<string, Map<string, number>>();
    for (const d of docs) {
      const byInstance = next.get(d.operatorId) ?? new Map<string, number>();
      byInstance.set(d.instanceId, d.lastSeen.getTime());
      next.set(d.operatorId, byInstance);
    }
    remote = next;
    const after = remoteNow(now);
    const mine = localOperators();
    const gone = [...lastReloaded].filter((id) => !after.has(id) && !mine.has(id));
    lastReloaded = after;
    if (gone.length > 0) vanished.emit(gone);
  }

  /** In the write order too: a renewal read before an operator's last socket closed must not recreate the document `forget` deleted. */
  const renewOwn = () =>
    new Promise<void>((resolve) =>
      inOrder(async () => {
        try {
          const now = new Date();
          const ops = [...localOperators()].map((operatorId) => ({
            updateOne: { filter: { _id: docId(operatorId) }, update: { $set: { operatorId, instanceId, lastSeen: now } }, upsert: true },
          }));
          if (ops.length > 0) await col.bulkWrite(ops, { ordered: false });
        } finally {
          resolve();
        }
      }),
    );

  async function tick(): Promise<void> {
    await renewOwn();
    await reloadRemote();
  }

  const runTick = () => {
    ticking = tick()
      .catch(onError)
      .finally(() => {
        ticking = null;
      });
  };

  return {
    async start() {
      await reloadRemote();
      timer = setInterval(() => {
        if (!ticking) runTick();
      }, heartbeatMs);
      timer.unref();
    },
    async stop({ forgetOwn }) {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking;
      await writes;
      if (forgetOwn) await col.deleteMany({ instanceId }).catch(onError);
    },
    beat(operatorId) {
      const lastSeen = new Date();
      inOrder(() => col.updateOne({ _id: docId(operatorId) }, { $set: { operatorId, instanceId, lastSeen } }, { upsert: true }));
    },
    forget(operatorId) {
      inOrder(() => col.deleteOne({ _id: docId(operatorId) }));
    },
    remoteChanged(operatorId, connected, fromInstance) {
      const byInstance = remote.get(operatorId) ?? new Map<string, number>();
      if (connected) byInstance.set(fromInstance, Date.now());
      else byInstance.delete(fromInstance);
      if (byInstance.size > 0) remote.set(operatorId, byInstance);
      else remote.delete(operatorId);
      // Said goodbye: the instance that held the socket runs the away timers, nobody else need.
      if (!connected && !remoteNow().has(operatorId)) lastReloaded.delete(operatorId);
    },
    remoteOperators: () => remoteNow(),
    onVanished: vanished.add,
  };
}
