import { type Collection, MongoServerError } from 'mongodb';

/**
 * One lease per background job, so that of several instances on one database one does the job.
 *
 * Taken by an insert under the unique _id (the job's name), not by a conditional findAndModify:
 * FerretDB 1.24 applies a conditional update by reading and writing back outside a transaction
 * (see assignment-leases-store.ts), so two instances could both see a lapsed lease and both take it;
 * a duplicate key is decided by the database. Renewal is an update only the holder makes.
 */
export interface JobLeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}

export type JobLeasesStore = ReturnType<typeof jobLeasesStore>;

export function jobLeasesStore(col: Collection<JobLeaseDoc>) {
  return {
    /** True when `holder` now holds the job's lease; false while another holder's lease runs. */
    async take(job: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const expiresAt = new Date(now.getTime() + ttlMs);
      for (let tries = 0; tries < 2; tries++) {
        try {
          await col.insertOne({ _id: job, holder, expiresAt });
          return true;
        } catch (error) {
          if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
          if (tries > 0) return false;
          // Ours already (a renewal that timed out after landing, a restart with the same id): keep it.
          const mine = await col.updateOne({ _id: job, holder }, { $set: { expiresAt } });
          if (mine.matchedCount === 1) return true;
          // A lease past its time was left by a holder that died or stalled: clear it, try once more.
          const cleared = await col.deleteOne({ _id: job, expiresAt: { $lt: now } });
          if (cleared.deletedCount === 0) return false;
        }
      }
      return false;
    },
    /** Extends the lease `holder` holds; false when it is no longer theirs (it lapsed and another took it). */
    async renew(job: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const renewed = await col.updateOne({ _id: job, holder }, { $set: { expiresAt: new Date(now.getTime() + ttlMs) } });
      return renewed.matchedCount === 1;
    },
    async release(job: string, holder: string): Promise<void> {
      await col.deleteOne({ _id: job, holder });
    },
    async holderOf(job: string): Promise<string | null> {
      return (await col.findOne({ _id: job }))?.holder ?? null;
    },
  };
}
