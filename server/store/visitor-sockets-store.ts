import type { Collection } from 'mongodb';

/**
 * How many sockets each instance holds for each visitor: one document per (instance, visitor),
 * `lastSeen` renewed by the instance's heartbeat while it holds any. A visitor is on the page while
 * some document of theirs has sockets and a fresh `lastSeen`; a document gone stale belongs to an
 * instance that stopped or died, and is swept by whichever instance sees it first.
 */
export interface VisitorSocketsDoc {
  _id: string;
  visitorId: string;
  instanceId: string;
  sockets: number;
  lastSeen: Date;
}

export function visitorSocketsStore(col: Collection<VisitorSocketsDoc>) {
  const docId = (instanceId: string, visitorId: string) => `${instanceId}:${visitorId}`;
  return {
    async set(instanceId: string, visitorId: string, sockets: number, at: Date): Promise<void> {
      await col.updateOne(
        { _id: docId(instanceId, visitorId) },
        { $set: { visitorId, instanceId, sockets, lastSeen: at } },
        { upsert: true },
      );
    },
    /** The heartbeat: every visitor this instance still holds a socket of is still here. */
    async renew(instanceId: string, at: Date): Promise<void> {
      await col.updateMany({ instanceId, sockets: { $gt: 0 } }, { $set: { lastSeen: at } });
    },
    /** Some instance, alive since `freshAfter`, holds a socket of the visitor. */
    async isOnPage(visitorId: string, freshAfter: Date): Promise<boolean> {
      return (await col.countDocuments({ visitorId, sockets: { $gt: 0 }, lastSeen: { $gt: freshAfter } }, { limit: 1 })) > 0;
    },
    /** This instance's record of a visitor it no longer holds, once the grace period confirmed they left. */
    async removeIdle(instanceId: string, visitorId: string): Promise<void> {
      await col.deleteOne({ _id: docId(instanceId, visitorId), sockets: 0 });
    },
    /**
     * Deletes documents not renewed since `staleBefore` and answers whose they were; each is deleted
     * by one instance only (the filter repeats the `lastSeen` read), so one instance acts on it.
     */
    async sweepStale(staleBefore: Date, limit = 500): Promise<string[]> {
      const stale = await col
        .find({ lastSeen: { $lt: staleBefore } })
        .limit(limit)
        .toArray();
      const swept: string[] = [];
      for (const doc of stale) {
        const { deletedCount } = await col.deleteOne({ _id: doc._id, lastSeen: doc.lastSeen });
        if (deletedCount === 1) swept.push(doc.visitorId);
      }
      return [...new Set(swept)];
    },
    async forgetInstance(instanceId: string): Promise<void> {
      await col.deleteMany({ instanceId });
    },
  };
}

export type VisitorSocketsStore = ReturnType<typeof visitorSocketsStore>;
