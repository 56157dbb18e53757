import type { Collection, Db } from 'mongodb';

/**
 * A database-backed event bus for several server instances on one database.
 *
 * Storage: a collection `events` whose `_id` is an increasing `seq`, taken by inserting at the next
 * free number (see insertAtNextSeqs). Every instance polls for `seq` above the last it has handled
 * and hands each event to its subscriber exactly once, in `seq` order.
 *
 * Trimming: each instance records how far it has read (`event_bus_positions`, one tiny document per
 * instance) and deletes the events every live instance has read, so the collection holds only what
 * some tail still needs, usually a handful; a position not renewed for `positionStaleMs` belongs to
 * a dead instance and stops holding events back. Events older than `retainMs` go regardless (the
 * bound). The newest event always stays, so the seq never restarts.
 *
 * Why not a capped collection with a tailable cursor, measured on FerretDB 1.24 (SQLite backend):
 * - a tailable awaitData cursor dies when its first batch reaches the end (cursor id 0), and with
 *   batchSize 0 the next getMore fails ("iterator is read to the end or closed"); kept alive with
 *   batchSize 1, its getMores delivered 5 of 60 inserts, p50 665 ms, on a 6,000-event collection;
 * - every query scans the whole collection (no pushdown for `_id` ranges, numbers or strings), and
 *   capped collections are trimmed only by a background job (`max: 500` still held 1,200), so a
 *   64 MB ring would make each poll read all of it.
 * So the collection is kept small by trimming (below); on MongoDB the `_id` index serves the same query.
 * The poll interval is the latency floor.
 *
 * Ordering: one instance publishes in call order (events of one tick go out as one ordered
 * insertMany, one batch in flight at a time). A seq is only guessed from one already stored, so
 * gaps should not appear; should one (e.g. a store that commits a later insert first), the tail
 * waits for it and skips it after `gapGraceMs`, logging it. A tail that falls more than `retainMs`
 * (or, silent that long, `positionStaleMs`) behind finds its next seq trimmed: it logs the gap and skips ahead.
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
  /** The longest an event stays, even for a live tail that has not read it. */
  retainMs?: number;
  /** A read position older than this is a dead instance's and no longer holds events back. */
  positionStaleMs?: number;
  /** How often the position is recorded and read events trimmed. */
  trimMs?: number;
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

export function createEventBus<P>(db: Db, options: EventBusOptions): EventBus<P> {
  const {
    instanceId,
    pollMs = 10,
    gapGraceMs = 1000,
    retainMs = 60_000,
    positionStaleMs = 30_000,
    trimMs = 250,
    onError = () => {},
  } = options;
  const positions = db.collection<{ _id: string; handled: number; at: Date }>('event_bus_positions');
  // `_id` is the seq: the primary key index serves the tail's range query on both servers.
  const events: Collection<EventDoc> = db.collection<EventDoc>('events');

  /** The highest seq this instance knows is taken: where its next insert starts guessing. */
  let knownMax = 0;
  const maxStored = async () =>
    (
      await events
        .find({}, { projection: { _id: 1 } })
        .sort({ _id: -1 })
        .limit(1)
        .next()
    )?._id ?? 0;

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
    // Let the first publishes of this tick join the batch.
    await Promise.resolve();
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
    // In the same synchronous step as the last emptiness check: a publish after it starts a new flush.
    flushing = null;
  }

  let stopped = false;
  let tail: Promise<void> | null = null;

  return {
    instanceId,
    publish(payload) {
      const stored = new Promise<void>((done, fail) => pending.push({ payload, done, fail }));
      // One batch in flight at a time keeps this instance's events in call order.
      flushing ??= flush();
      return stored;
    },
    async start(handler) {
      // Position 0 first: between reading the newest seq and recording it, nobody may trim past it.
      await positions.updateOne({ _id: instanceId }, { $set: { handled: 0, at: new Date() } }, { upsert: true });
      let handled = await maxStored();
      knownMax = Math.max(knownMax, handled);
      await positions.updateOne({ _id: instanceId }, { $set: { handled, at: new Date() } }, { upsert: true });
      let gapSince: number | null = null;
      const pollOnce = async () => {
        const docs = await events
          .find({ _id: { $gt: handled } })
          .sort({ _id: 1 })
          .limit(1000)
          .toArray();
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
      let trimmedAt = Date.now();
      // Never past `handled` of anyone: the newest stored event must stay, or the next insert would take seq 1 again.
      const trim = async () => {
        trimmedAt = Date.now();
        const now = new Date(trimmedAt);
        await positions.updateOne({ _id: instanceId }, { $set: { handled, at: now } }, { upsert: true });
        const live = await positions.find({ at: { $gt: new Date(trimmedAt - positionStaleMs) } }).toArray();
        const floor = Math.min(handled, ...live.map((p) => p.handled));
        await events.deleteMany({ $or: [{ _id: { $lt: floor } }, { _id: { $lt: handled }, at: { $lt: new Date(trimmedAt - retainMs) } }] });
      };
      tail = (async () => {
        while (!stopped) {
          if (Date.now() - trimmedAt > trimMs) await trim().catch((error) => onError(error, 'tail'));
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
      // Gone on purpose: the others need not keep events for this instance until its position goes stale.
      await positions.deleteOne({ _id: instanceId }).catch((error) => onError(error, 'tail'));
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
