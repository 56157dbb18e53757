import { type Collection, MongoServerError } from 'mongodb';

/**
 * One lease per operator while an instance offers them a conversation: with it held, the count of
 * what they own and the assignment that adds one happen with no other instance in between, so two
 * instances can never put an operator over capacity.
 *
 * The lease is an insert under the unique _id (the operator), not a conditional $inc on a counter:
 * FerretDB 1.24 applies a conditional update by reading and writing back outside a transaction, so
 * two instances could both pass `active < capacity`; a duplicate key is decided by the database.
 * The count itself is read from the conversations under the lease, so nothing has to be decremented
 * on resolve, transfer, return or unassign, and nothing drifts.
 */
export interface LeaseDoc {
  _id: string;
  holder: string;
  expiresAt: Date;
}

/** Far longer than a count and a transition take; a lease this old was left by a dead process. */
export const LEASE_MS = 10_000;

export function assignmentLeasesStore(col: Collection<LeaseDoc>) {
  return {
    /** True when `holder` now holds the operator's lease; false when another live holder does. */
    async acquire(operatorId: string, holder: string, now: Date): Promise<boolean> {
      for (let tries = 0; tries < 2; tries++) {
        try {
          await col.insertOne({ _id: operatorId, holder, expiresAt: new Date(now.getTime() + LEASE_MS) });
          return true;
        } catch (error) {
          if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
          if (tries > 0) return false;
          // A lease past its time belongs to a holder that died mid-offer: clear it, try once more.
          const cleared = await col.deleteOne({ _id: operatorId, expiresAt: { $lt: now } });
          if (cleared.deletedCount === 0) return false;
        }
      }
      return false;
    },
    async release(operatorId: string, holder: string): Promise<void> {
      await col.deleteOne({ _id: operatorId, holder });
    },
  };
}
