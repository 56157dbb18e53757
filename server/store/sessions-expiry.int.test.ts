import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import type { Store } from '.';
import type { SessionDoc } from './documents';

let t: TestDatabase;
let db: Db;
let store: Store;
beforeAll(async () => {
  t = await openTestDatabase();
  ({ db, store } = t);
});
afterAll(() => t.drop());

const now = new Date('2026-03-02T10:00:00Z');
const session = (id: string, expiresAt: Date, revokedAt: Date | null = null): SessionDoc => ({
  _id: id,
  operatorId: 'op-ana',
  csrfToken: 'csrf',
  createdAt: new Date(expiresAt.getTime() - 12 * 3600_000),
  expiresAt,
  revokedAt,
});

describe('operator sessions expiry', () => {
  it('creates the indexes again without error on a database that has them', async () => {
    await store.ensureIndexes();
    const indexes = await db.collection('sessions').listIndexes().toArray();
    expect(indexes.find((i) => i.name === 'expiresAt_1')?.key).toEqual({ expiresAt: 1 });
  });

  it('deletes sessions whose expiry has passed and keeps the ones still valid', async () => {
    await store.sessions.insert(session('expired', new Date(now.getTime() - 1000)));
    await store.sessions.insert(session('expires-now', now));
    await store.sessions.insert(session('revoked-expired', new Date(now.getTime() - 60_000), new Date(now.getTime() - 120_000)));
    await store.sessions.insert(session('valid', new Date(now.getTime() + 3600_000)));
    await store.sessions.insert(session('revoked-valid', new Date(now.getTime() + 3600_000), now));

    expect(await store.sessions.deleteExpired(now)).toBe(3);
    const left = await db
      .collection('sessions')
      .find({}, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .toArray();
    expect(left.map((d) => d._id)).toEqual(['revoked-valid', 'valid']);
    expect(await store.sessions.findValid('valid', now)).not.toBeNull();
    expect(await store.sessions.deleteExpired(now)).toBe(0);
  });
});
