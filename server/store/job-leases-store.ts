import { type Collection, MongoServerError } from 'mongodb';

/**
 * One lease per background job, so that of several instances on one database one does the job.
 *
 * A lease is a series of documents, one per term (`job#term`): taking a lapsed lease inserts the
 * next term under its unique _id, so of several instances seeing it lapse the database lets exactly
 * one in. No conditional update or delete decides anything: FerretDB 1.24 applies those by reading
 * and writing back outside a transaction, so two instances could both clear a lapsed lease (the
 * later one deleting the new holder's). Only the holder writes its own term (renewal, release);
 * terms older than the previous one are cleared by whoever starts a new term.
 */
export interface JobLeaseDoc {
  _id: string;
  job: string;
  term: number;
  holder: string;
  expiresAt: Date;
}

export type JobLeasesStore = ReturnType<typeof jobLeasesStore>;

const DUPLICATE_KEY = 11000;

export function jobLeasesStore(col: Collection<JobLeaseDoc>) {
  const latest = (job: string) => col.find({ job }).sort({ term: -1 }).limit(1).next();
  return {
    /** True when `holder` now holds the job's lease; false while another holder's term runs. */
    async take(job: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const expiresAt = new Date(now.getTime() + ttlMs);
      const current = await latest(job);
      // Ours already (a renewal that timed out after landing, a restart with the same id): keep it.
      if (current?.holder === holder) {
        await col.updateOne({ _id: current._id }, { $set: { expiresAt } });
        return (await latest(job))?._id === current._id;
      }
      if (current && current.expiresAt.getTime() >= now.getTime()) return false;
      const term = (current?.term ?? 0) + 1;
      try {
        await col.insertOne({ _id: `${job}#${term}`, job, term, holder, expiresAt });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
        throw error;
      }
      await col.deleteMany({ job, term: { $lt: term - 1 } }).catch(() => undefined);
      return true;
    },
    /** Extends the term `holder` holds; false when it is no longer theirs (it lapsed and another took the next). */
    async renew(job: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const current = await latest(job);
      if (!current || current.holder !== holder) return false;
      await col.updateOne({ _id: current._id }, { $set: { expiresAt: new Date(now.getTime() + ttlMs) } });
      return (await latest(job))?._id === current._id;
    },
    /** Ends the holder's term at once, so another instance takes the next without waiting for it to lapse. */
    async release(job: string, holder: string): Promise<void> {
      const current = await latest(job);
      if (current?.holder === holder) await col.updateOne({ _id: current._id }, { $set: { expiresAt: new Date(0) } });
    },
    async holderOf(job: string): Promise<string | null> {
      return (await latest(job))?.holder ?? null;
    },
  };
}
