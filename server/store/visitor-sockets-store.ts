import type { Collection } from 'mongodb';

/**
 * Which instances hold a socket of each visitor: one document per (instance, visitor) while it holds
 * any, written only by its instance, one write at a time per visitor (`lastSeen`: when it was written;
 * `sockets`: 1, a document with 0 is read as none).
 * Each instance also renews one heartbeat document of its own. A visitor is on the page while some
 * document of theirs has sockets and belongs to an instance whose heartbeat is fresh (or was itself
 * written recently, before its instance's first beat). A document of an instance that stopped beating
 * is swept by whichever instance sees it first.
 *
 * Liveness is per instance, not renewed on each visitor's document, for two reasons: a beat is one
 * write however many visitors the instance holds, and no two writes ever race on a visitor's document
 * (FerretDB applies an update by reading and rewriting the whole document, so a beat renewing every
 * document could write back a count that a close had just lowered, and the visitor would never leave).
 */
export interface VisitorSocketsDoc {
  _id: string;
  visitorId: string;
  instanceId: string;
  sockets: number;
  lastSeen: Date;
}

export interface PresenceInstanceDoc {
  _id: string;
  lastSeen: Date;
}

export function visitorSocketsStore(col: Collection<VisitorSocketsDoc>, instances: Collection<PresenceInstanceDoc>) {
  const docId = (instanceId: string, visitorId: string) => `${instanceId}:${visitorId}`;
  return {
    /** Instances whose heartbeat is later than `freshAfter`. */
    async liveInstances(freshAfter: Date): Promise<string[]> {
      return (await instances.find({ lastSeen: { $gt: freshAfter } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    },
    /** This instance holds a socket of the visitor (one document, however many tabs). */
    async hold(instanceId: string, visitorId: string, at: Date): Promise<void> {
      await col.updateOne(
        { _id: docId(instanceId, visitorId) },
        { $set: { visitorId, instanceId, sockets: 1, lastSeen: at } },
        { upsert: true },
      );
    },
    /** The heartbeat: this instance is alive, and so are the visitors it holds sockets of. */
    async renew(instanceId: string, at: Date): Promise<void> {
      await instances.updateOne({ _id: instanceId }, { $set: { lastSeen: at } }, { upsert: true });
    },
    /** Some instance other than `exceptInstance`, one of `live` or writing since `freshAfter`, holds a socket of the visitor. */
    async isOnPageElsewhere(visitorId: string, exceptInstance: string, live: readonly string[], freshAfter: Date): Promise<boolean> {
      const filter = {
        visitorId,
        instanceId: { $ne: exceptInstance },
        sockets: { $gt: 0 },
        $or: [{ instanceId: { $in: [...live] } }, { lastSeen: { $gt: freshAfter } }],
      };
      return (await col.countDocuments(filter, { limit: 1 })) > 0;
    },
    /** This instance no longer holds a socket of the visitor. */
    async release(instanceId: string, visitorId: string): Promise<void> {
      await col.deleteOne({ _id: docId(instanceId, visitorId) });
    },
    /**
     * Deletes the documents not written since `staleBefore` of instances not in `live` (those that
     * stopped beating), and answers whose they were; each is deleted by one instance only (the filter
     * repeats the `lastSeen` read), so one instance acts on it. The dead instances' heartbeats go with them.
     */
    async sweepStale(live: readonly string[], staleBefore: Date, limit = 500): Promise<string[]> {
      const stale = await col
        .find({ instanceId: { $nin: [...live] }, lastSeen: { $lt: staleBefore } })
        .limit(limit)
        .toArray();
      const swept: string[] = [];
      for (const doc of stale) {
        const { deletedCount } = await col.deleteOne({ _id: doc._id, lastSeen: doc.lastSeen });
        if (deletedCount === 1) swept.push(doc.visitorId);
      }
      if (stale.length < limit) await instances.deleteMany({ lastSeen: { $lt: staleBefore } });
      return [...new Set(swept)];
    },
  };
}

export type VisitorSocketsStore = ReturnType<typeof visitorSocketsStore>;
