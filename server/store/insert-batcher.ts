import { type Collection, type Document, type Filter, MongoBulkWriteError, MongoServerError, type OptionalUnlessRequiredId } from 'mongodb';
import { groupCommit } from './group-commit';

/** How one document of a batch fared: stored, or refused on its own (e.g. code 11000, a unique key). */
export type BatchedInsert = { ok: true } | { ok: false; code: number | undefined; message: string };

export interface InsertBatcherOptions {
  /** Documents per insertMany at most. */
  maxBatch?: number;
  /** insertMany commands on their way at once; further inserts wait and leave together in the next. */
  maxInFlight?: number;
}

/**
 * Group commit for one collection: inserts asked for while earlier ones are on their way leave
 * together in one unordered insertMany, so fifty visitors' messages cost a few round trips instead
 * of fifty (FerretDB on PostgreSQL: a few transactions; measured about 5× cheaper per document at
 * five per batch). Alone, an insert leaves on the next turn of the event loop, so a quiet instance
 * pays no wait beyond the round trip, and a batch of one is a plain insertOne. Each document is
 * answered on its own: one refused by a unique index does not fail the others (`ordered: false`);
 * when the command fails as a whole (network, database down) each document is tried once more
 * alone, so each caller gets what a single insertOne gives, the error's class included.
 */
export function insertBatcher<T extends Document>(col: Collection<T>, options: InsertBatcherOptions = {}) {
  type Insert = { doc: T; settle: (r: BatchedInsert) => void; fail: (e: unknown) => void };

  /** One document by insertOne; `retried`: it may already be stored by a batch that failed as a whole. */
  const insertAlone = async (b: Insert, retried: boolean) => {
    try {
      await col.insertOne(b.doc as OptionalUnlessRequiredId<T>);
      b.settle({ ok: true });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 11000)) return b.fail(error);
      // Its own _id taken: the failed batch had stored it after all.
      const ours = retried && (await col.countDocuments({ _id: b.doc._id } as Filter<T>, { limit: 1 }).catch(() => 0)) > 0;
      b.settle(ours ? { ok: true } : { ok: false, code: 11000, message: error.message });
    }
  };

  const send = async (batch: Insert[]) => {
    try {
      if (batch.length === 1) return await insertAlone(batch[0]!, false);
      await col.insertMany(
        batch.map((b) => b.doc as OptionalUnlessRequiredId<T>),
        { ordered: false },
      );
      for (const b of batch) b.settle({ ok: true });
    } catch (error) {
      const refused = refusedByIndex(error);
      if (refused) for (const [i, b] of batch.entries()) b.settle(refused.get(i) ?? { ok: true });
      // Written but not acknowledged as asked: every caller gets the error, as from insertOne.
      else if (unacknowledged(error)) for (const b of batch) b.fail(error);
      // Failed as a whole (the driver wraps even a network error in a bulk error): each document
      // once more on its own, so each caller gets what a single insert gives, error class included.
      else await Promise.all(batch.map((b) => insertAlone(b, true)));
    }
  };
  const queue = groupCommit(send, options.maxBatch ?? 256, options.maxInFlight ?? 2);

  return {
    insert(doc: T): Promise<BatchedInsert> {
      return new Promise((settle, fail) => queue.add({ doc, settle, fail }));
    },
    /** Inserts waiting or on their way (for tests and shutdown). */
    get pending(): number {
      return queue.pending;
    },
  };
}

const unacknowledged = (error: unknown): boolean => error instanceof MongoBulkWriteError && Boolean(error.result?.getWriteConcernError());

/** Per-document refusals of an unordered insertMany, by index; null when the command failed as a whole. */
function refusedByIndex(error: unknown): Map<number, BatchedInsert> | null {
  if (!(error instanceof MongoBulkWriteError)) return null;
  const raw: unknown = error.writeErrors;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { index: number; code?: number; errmsg?: string }[];
  if (list.length === 0) return null;
  return new Map(list.map((w) => [w.index, { ok: false, code: w.code, message: w.errmsg ?? 'insert refused' }]));
}

export type InsertBatcher<T extends Document> = ReturnType<typeof insertBatcher<T>>;
