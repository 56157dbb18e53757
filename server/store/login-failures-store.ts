import type { Collections } from './database';
import type { LoginFailuresDoc } from './documents';

export function loginFailuresStore(c: Collections) {
  return {
    async get(email: string): Promise<LoginFailuresDoc | null> {
      return c.loginFailures.findOne({ _id: email });
    },
    /** Counts one more failure in a row and returns the count (atomic: parallel guesses each count). */
    async recordFailure(email: string, now: Date): Promise<number> {
      const doc = await c.loginFailures.findOneAndUpdate(
        { _id: email },
        { $inc: { failures: 1 }, $set: { updatedAt: now }, $setOnInsert: { lockedUntil: null } },
        { upsert: true, returnDocument: 'after' },
      );
      return doc?.failures ?? 1;
    },
    async lock(email: string, until: Date): Promise<void> {
      await c.loginFailures.updateOne({ _id: email }, { $set: { lockedUntil: until } });
    },
    async clear(email: string): Promise<void> {
      await c.loginFailures.deleteOne({ _id: email });
    },
  };
}
