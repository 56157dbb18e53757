/**
 * Runs writes to one key one after another within this process.
 *
 * Why: FerretDB 1.24 (SQLite) applies an update by reading the document and
 * writing it back whole, outside a transaction, so two concurrent updates of one
 * conversation can lose each other's fields. MongoDB applies each update
 * atomically and needs none of this; across instances the transitions ledger
 * (a unique _id per conversation version) still decides races in the database.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<unknown>>();
  async function withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  }
  /** Someone holds or waits for this key's lock now. */
  const isLocked = (key: string): boolean => tails.has(key);
  return Object.assign(withLock, { isLocked });
}
