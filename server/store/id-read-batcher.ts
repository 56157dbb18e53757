import type { Collection, Filter } from 'mongodb';
import { groupCommit } from './group-commit';

/**
 * Group commit for reads by _id: documents asked for while an earlier read is on its way are read
 * together in one find with `$in`, so fifty conversations checked at the same moment cost one
 * command. Alone, a read leaves on the next turn of the event loop. A failed find fails every read
 * of its batch.
 */
export function idReadBatcher<T extends { _id: string }>(col: Collection<T>, maxBatch = 256, maxInFlight = 2) {
  type Read = { id: string; found: (doc: T | null) => void; fail: (e: unknown) => void };
  const queue = groupCommit<Read>(
    async (batch) => {
      try {
        const ids = [...new Set(batch.map((b) => b.id))];
        const docs = await col.find({ _id: { $in: ids } } as Filter<T>).toArray();
        const byId = new Map<string, T>(docs.map((d) => [String(d._id), d as T]));
        for (const b of batch) b.found(byId.get(b.id) ?? null);
      } catch (error) {
        for (const b of batch) b.fail(error);
      }
    },
    maxBatch,
    maxInFlight,
  );

  return {
    get(id: string): Promise<T | null> {
      return new Promise((found, fail) => queue.add({ id, found, fail }));
    },
  };
}
