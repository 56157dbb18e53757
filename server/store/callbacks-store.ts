import type { Collections } from './database';
import type { CallbackDoc } from './documents';
import { createKeyedLock } from './keyed-lock';

export function callbacksStore(c: Collections) {
  const withLock = createKeyedLock();
  return {
    async insert(doc: CallbackDoc): Promise<void> {
      await c.callbacks.insertOne(doc);
    },
    get(callbackId: string): Promise<CallbackDoc | null> {
      return c.callbacks.findOne({ _id: callbackId });
    },
    forSites(siteIds: string[]): Promise<CallbackDoc[]> {
      return c.callbacks
        .find({ siteId: { $in: siteIds } })
        .sort({ createdAt: -1 })
        .limit(500)
        .toArray();
    },
    countPending(siteIds: string[]): Promise<number> {
      return c.callbacks.countDocuments({ siteId: { $in: siteIds }, status: 'pending' });
    },
    /** Null when it was not pending: only one caller moves it to done. */
    markDone(callbackId: string, by: string, at: Date): Promise<CallbackDoc | null> {
      // The lock: FerretDB 1.24 does not apply a conditional update atomically, so two
      // racing calls could both match 'pending' (see keyed-lock.ts); MongoDB needs only the filter.
      return withLock(callbackId, () =>
        c.callbacks.findOneAndUpdate(
          { _id: callbackId, status: 'pending' },
          { $set: { status: 'done', doneAt: at, doneBy: by } },
          { returnDocument: 'after' },
        ),
      );
    },
  };
}

export type CallbacksStore = ReturnType<typeof callbacksStore>;
