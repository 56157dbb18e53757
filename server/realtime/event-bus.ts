import type { Collection, Db } from 'mongodb';

/**
 * A database-backed event bus for several server instances on one database.
 *
 * Storage: a capped collection `events` (bounded size, oldest dropped first) plus one counter
 * document that hands out a gap-free, increasing `seq`. Every instance polls for `seq` above the
 * last it has handled and hands each event to its subscriber exactly once, in `seq` order.
 *
 * Why polling and not a tailable cursor: FerretDB 1.24 (SQLite backend) accepts tailable awaitData
 * cursors but kills them when the first batch reaches the end (cursor id 0), and with batchSize 0
 * the next getMore fails with "iterator is read to the end or closed". A short poll on an indexed
 * `seq` behaves the same on MongoDB and FerretDB; its interval is the latency floor.
 *
 * Ordering: one instance publishes in call order (events of one tick go out as one batch: one
 * counter increment for the block, one insertMany). Across instances, a block of seqs can be
 * allocated before an earlier block is inserted; the tail then waits for the missing seq, and
 * only skips it after GAP_GRACE_MS (its publisher died between counting and inserting).
 */
export interface BusEvent<P = unknown> {
  seq: number;
  /** The instance that published it. */
  origin: string;
  at: Date;
  payload: P;
}

export interface EventBusOptions {
  instanceId: string;
  /** Bytes the capped collection may hold before the oldest events go. */
  capBytes?: number;
  pollMs?: number;
  gapGraceMs?: number;
  /** Called for each error of the tail or of a publish: the bus keeps going. */
  onError?: (error: unknown, where: 'publish' | 'tail') => void;
}

export interface EventBus<P> {
  readonly instanceId: string;
  /** Queues the payload; the returned promise settles once it is stored (tests and benches await it). */
  publish(payload: P): Promise<void>;
  /** Starts tailing from "now" (the current counter); each event, own ones included, reaches `handler`. */
  start(handler: (event: BusEvent<P>) => void): Promise<void>;
  /** Stops the tail after the poll in flight, and waits for pending publishes. */
  stop(): Promise<void>;
}

const COUNTER_ID = 'events';
const DEFAULT_CAP_BYTES = 64 * 1024 * 1024;
const NAMESPACE_EXISTS = 48;
const DUPLICATE_KEY = 11000;

interface EventDoc {
  _id: number;
  origin: string;
  at: Date;
  payload: unknown;
}

/** Idempotent: the first instance creates it, the others find it there. */
export async function ensureEventsCollection(db: Db, capBytes = DEFAULT_CAP_BYTES): Promise<void> {
  try {
    await db.createCollection('events', { capped: true, size: capBytes });
  } catch (error) {
    if ((error as { code?: number }).code !== NAMESPACE_EXISTS) throw error;
  }
}

export function createEventBus<P>(db: Db, options: EventBusOptions): EventBus<P> {
  const { instanceId, pollMs = 5, gapGraceMs = 2000, onError = () => {} } = options;
  // `_id` is the seq: the primary key index serves the tail's range query on both servers.
  const events: Collection<EventDoc> = db.collection<EventDoc>('events');
  const counters = db.collection<{ _id: string; seq: number }>('event_counters');

  let counterReady = false;
  // Two instances starting together may both try to insert it: the loser's duplicate key is fine.
  async function ensureCounter(): Promise<void> {
    if (counterReady) return;
    await counters.updateOne({ _id: COUNTER_ID }, { $setOnInsert: { seq: 0 } }, { upsert: true }).catch((error) => {
      if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    });
    counterReady = true;
  }

  let pending: { payload: P; done: () => void; fail: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await ensureCounter();
        const counter = await counters.findOneAndUpdate({ _id: COUNTER_ID }, { $inc: { seq: batch.length } }, { returnDocument: 'after' });
        if (!counter) throw new Error('event bus: the counter document vanished');
        const last = counter.seq;
        const at = new Date();
        await events.insertMany(
          batch.map((b, i) => ({ _id: last - batch.length + 1 + i, origin: instanceId, at, payload: b.payload })),
          { ordered: true },
        );
        for (const b of batch) b.done();
      } catch (error) {
        onError(error, 'publish');
        for (const b of batch) b.fail(error);
      }
    }
  }

  let stopped = false;
  let tail: Promise<void> | null = null;

  return {
    instanceId,
    publish(payload) {
      const stored = new Promise<void>((done, fail) => pending.push({ payload, done, fail }));
      // One batch in flight at a time keeps this instance's events in call order.
      flushing ??= Promise.resolve().then(flush).finally(() => {
        flushing = null;
      });
      return stored;
    },
    async start(handler) {
      await ensureEventsCollection(db, options.capBytes);
      await ensureCounter();
      let handled = (await counters.findOne({ _id: COUNTER_ID }))?.seq ?? 0;
      let gapSince: number | null = null;
      const pollOnce = async () => {
        const docs = await events.find({ _id: { $gt: handled } }).sort({ _id: 1 }).limit(1000).toArray();
        for (const doc of docs) {
          if (doc._id !== handled + 1) {
            gapSince ??= Date.now();
            if (Date.now() - gapSince < gapGraceMs) return;
            onError(new Error(`event bus: seq ${handled + 1}..${doc._id - 1} never arrived; skipped`), 'tail');
          }
          gapSince = null;
          handled = doc._id;
          try {
            handler({ seq: doc._id, origin: doc.origin, at: doc.at, payload: doc.payload as P });
          } catch (error) {
            onError(error, 'tail');
          }
        }
        return docs.length;
      };
      tail = (async () => {
        while (!stopped) {
          let got: number | undefined = 0;
          try {
            got = await pollOnce();
          } catch (error) {
            // The next round resumes from `handled`: nothing handled is handled twice.
            if (!stopped) onError(error, 'tail');
            await sleep(100);
          }
          // A full page means more are waiting: read on without pausing.
          if (got !== 1000) await sleep(pollMs);
        }
      })();
    },
    async stop() {
      stopped = true;
      await tail;
      await flushing;
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
