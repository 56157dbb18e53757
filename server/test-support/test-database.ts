import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { createStore, type Store } from '../store';
import { testDatabaseUri } from './harness';

export interface TestDatabase {
  db: Db;
  store: Store;
  /** Drops the database and disconnects. */
  drop(): Promise<void>;
}

/** A fresh database on the test server with the store's indexes, for tests of the store alone. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const client = await MongoClient.connect(testDatabaseUri());
  const db = client.db(`baton_test_${randomUUID().slice(0, 8)}`);
  const store = createStore(db);
  await store.ensureIndexes();
  return {
    db,
    store,
    async drop() {
      await db.dropDatabase();
      await client.close();
    },
  };
}
