import { type Collection, type Filter, MongoServerError, type OptionalUnlessRequiredId } from 'mongodb';

/** Far longer than an insert-then-update takes; a ledger row this old whose update never landed is debris. */
const STALE_ROW_MS = 10_000;

/**
 * Inserts a ledger row whose unique _id names the one change it guards: the database itself lets one
 * writer, and only one, take it (FerretDB 1.24 does not apply a conditional update atomically). A row
 * left by a process that died between its insert and its update would block that change for good:
 * when `stillStuck` says the change never landed and the row is older than any real claim takes, it is
 * cleared and the insert tried once more. False: someone else holds the change.
 */
export async function claimUniqueRow<T extends { _id: string; at: Date }>(
  ledger: Collection<T>,
  row: T,
  stillStuck: () => Promise<boolean>,
): Promise<boolean> {
  for (let tries = 0; tries < 2; tries++) {
    try {
      await ledger.insertOne(row as OptionalUnlessRequiredId<T>);
      return true;
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
      if (tries > 0) return false;
      if (!(await stillStuck())) return false; // the change landed: someone really did move first
      const stale = { _id: row._id, at: { $lt: new Date(row.at.getTime() - STALE_ROW_MS) } } as Filter<T>;
      const cleared = await ledger.deleteOne(stale);
      if (cleared.deletedCount === 0) return false; // a live claim holds it right now
    }
  }
  return false;
}
