import type { Collection, Db } from 'mongodb';

/**
 * A database-backed event bus for several server instances on one database.
 *
 * Storage: a capped collection `events` (bounded size, oldest dropped first) whose `_id` is an
 * increasing `seq`, taken by inserting at the next free number (see insertAtNextSeqs). Every
 * instance polls for `seq` above the last it has handled and hands each event to its subscriber
 * exactly once, in `seq` order.
 *
 * Why polling and not a tailable cursor: FerretDB 1.24 (SQLite backend) accepts tailable awaitData
 * cursors but kills them when the first batch reaches the end (cursor id 0), and with batchSize 0
 * the next getMore fails with "iterator is read to the end or closed". A short poll on an indexed
 * `seq` behaves the same on MongoDB and FerretDB; its interval is the latency floor.
 *
 * Ordering: one instance publishes in call order (events of one tick go out as one ordered
 * insertMany, one batch in flight at a time). A seq is only guessed from one already stored, so
 * gaps should not appear; should one (e.g. a store that commits a later insert first), the tail
 * waits for it and skips it after `gapGraceMs`, logging it.
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
  /** Starts tailing from "now" (the highest stored seq); each event, own ones included, reaches `handler`. */
  start(handler: (event: BusEvent<P>) => void): Promise<void>;
  /** Stops the tail after the poll in flight, and waits for pending publishes. */
  stop(): Promise<void>;
}

const DEFAULT_CAP_BYTES = 64 * 1024 * 1024;
const NAMESPACE_EXISTS = 48;
const DUPLICATE_KEY = 11000;

/** Where an ordered insertMany stopped on a duplicate key (what came before it is stored); null for any other error. */
function duplicateKeyIndex(error: unknown): number | null {
  const first = (error as { writeErrors?: { code?: number; index?: number }[] | { code?: number; index?: number } }).writeErrors;
  const writeError = Array.isArray(first) ? first[0] : first;
  if (writeError?.code === DUPLICATE_KEY && typeof writeError.index === 'number') return writeError.index;
  if ((error as { code?: number }).code === DUPLICATE_KEY) return 0;
  return null;
}

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

  /** The highest seq this instance knows is taken: where its next insert starts guessing. */
  let knownMax = 0;
  const maxStored = async () => (await events.find({}, { projection: { _id: 1 } }).sort({ _id: -1 }).limit(1).next())?._id ?? 0;

  /**
   * Inserts the batch at the next free seqs. Seqs are taken by inserting under the unique _id, not
   * handed out by a counter: FerretDB 1.24 does not apply findAndModify's $inc atomically across
   * connections (two instances got the same block), but a duplicate key is decided by the database.
   * On a collision the ordered insert stops at the taken seq; the rest go after the new maximum.
   */
  async function insertAtNextSeqs(payloads: P[]): Promise<void> {
    let rest = payloads;
    let next = knownMax + 1;
    for (let attempt = 0; rest.length > 0; attempt++) {
      const at = new Date();
      try {
        await events.insertMany(
          rest.map((payload, i) => ({ _id: next + i, origin: instanceId, at, payload })),
          { ordered: true },
        );
        knownMax = Math.max(knownMax, next + rest.length - 1);
        return;
      } catch (error) {
        const failedAt = duplicateKeyIndex(error);
        if (failedAt === null || attempt > 50) throw error;
        rest = rest.slice(failedAt);
        next = (await maxStored()) + 1;
      }
    }
  }

  let pending: { payload: P; done: () => void; fail: (e: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;

  async function flush(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await insertAtNextSeqs(batch.map((b) => b.payload));
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
      let handled = await maxStored();
      knownMax = Math.max(knownMax, handled);
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
          knownMax = Math.max(knownMax, handled);
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
