import type { Collection, Filter } from 'mongodb';

/**
 * Group commit for reads by _id: documents asked for while an earlier read is on its way are read
 * together in one find with `$in`, so fifty conversations checked at the same moment cost one
 * command. Alone, a read leaves on the next turn of the event loop. A failed find fails every read
 * of its batch.
 */
export function idReadBatcher<T extends { _id: string }>(col: Collection<T>, maxBatch = 256, maxInFlight = 2) {
  const waiting: { id: string; found: (doc: T | null) => void; fail: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || inFlight >= maxInFlight || waiting.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      while (inFlight < maxInFlight && waiting.length > 0) void read(waiting.splice(0, maxBatch));
    });
  };

  const read = async (batch: typeof waiting) => {
    inFlight++;
    try {
      const ids = [...new Set(batch.map((b) => b.id))];
      const docs = await col.find({ _id: { $in: ids } } as Filter<T>).toArray();
      const byId = new Map<string, T>(docs.map((d) => [String(d._id), d as T]));
      for (const b of batch) b.found(byId.get(b.id) ?? null);
    } catch (error) {
      for (const b of batch) b.fail(error);
    } finally {
      inFlight--;
      schedule();
    }
  };

  return {
    get(id: string): Promise<T | null> {
      return new Promise((found, fail) => {
        waiting.push({ id, found, fail });
        schedule();
      });
    },
  };
}
