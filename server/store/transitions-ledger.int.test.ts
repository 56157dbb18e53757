import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationDoc } from '../test-support/conversation-doc';
import { testDatabaseUri } from '../test-support/harness';
import { createStore } from '.';

let client: MongoClient;
let db: Db;
beforeAll(async () => {
  client = await MongoClient.connect(testDatabaseUri());
  db = client.db(`baton_test_${randomUUID().slice(0, 8)}`);
  await createStore(db).ensureIndexes();
});
afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

const queuedConversation = (id: string) => conversationDoc({ _id: id, version: 3 });

const claimBy = (operatorId: string) => ({ state: 'owned' as const, version: 4, owner: { operatorId, name: operatorId } });

describe('the transitions ledger', () => {
  it('lets one of 20 instances win the same transition, with no in-process lock shared between them', async () => {
    // Twenty stores stand for twenty server instances: each has its own keyed lock.
    const instances = Array.from({ length: 20 }, () => createStore(db));
    await instances[0]!.conversations.insert(queuedConversation('c1'));
    const results = await Promise.all(
      instances.map((store, i) =>
        store.conversations.transition(
          'c1',
          { state: 'queued', version: 3 },
          { state: 'owned', version: 4, owner: { operatorId: `op-${i}`, name: `Op ${i}` } },
        ),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    const stored = await instances[0]!.conversations.get('c1');
    expect(stored?.owner).toEqual(winners[0]!.owner);
    expect(await db.collection('transitions').countDocuments({ conversationId: 'c1' })).toBe(1);
  });

  it('clears a row left by a process that died between its insert and its update', async () => {
    const store = createStore(db);
    await store.conversations.insert(queuedConversation('c2'));
    await db
      .collection('transitions')
      .insertOne({ _id: 'c2#4' as never, conversationId: 'c2', from: 'queued', to: 'owned', at: new Date(Date.now() - 60_000) });
    const claimed = await store.conversations.transition('c2', { state: 'queued', version: 3 }, claimBy('op-late'));
    expect(claimed?.owner?.operatorId).toBe('op-late');
  });

  it('leaves a fresh row alone: a transition holding it right now wins, not the newcomer', async () => {
    const store = createStore(db);
    await store.conversations.insert(queuedConversation('c3'));
    await db
      .collection('transitions')
      .insertOne({ _id: 'c3#4' as never, conversationId: 'c3', from: 'queued', to: 'owned', at: new Date() });
    expect(await store.conversations.transition('c3', { state: 'queued', version: 3 }, claimBy('op-new'))).toBeNull();
    expect((await store.conversations.get('c3'))?.version).toBe(3);
  });

  it('releases its row when the update does not apply, so the version stays reachable', async () => {
    const store = createStore(db);
    await store.conversations.insert(queuedConversation('c4'));
    // Expecting the wrong state: the filter misses.
    expect(await store.conversations.transition('c4', { state: 'bot', version: 3 }, claimBy('op-x'))).toBeNull();
    expect(await db.collection('transitions').countDocuments({ conversationId: 'c4' })).toBe(0);
    const claimed = await store.conversations.transition('c4', { state: 'queued', version: 3 }, claimBy('op-y'));
    expect(claimed?.owner?.operatorId).toBe('op-y');
  });
});
