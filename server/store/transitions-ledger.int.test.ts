import { randomUUID } from 'node:crypto';
import { type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the transitions ledger', () => {
  it('lets one of 20 instances win the same transition, with no in-process lock shared between them', async () => {
    // Twenty stores stand for twenty server instances: each has its own keyed lock.
    const instances = Array.from({ length: 20 }, () => createStore(db));
    const now = new Date();
    await instances[0]!.conversations.insert({
      _id: 'c1', siteId: 's', visitorId: 'v', state: 'queued', version: 3, queue: 'general', owner: null, lastSeq: 0, botSinceSeq: 0,
      urgency: 'normal', triggers: [], firedTriggers: [], handoffTopic: null, intent: null, missingFacts: [], facts: {}, casePackage: null,
      callbackBooked: null, rating: null, offer: null, declinedBy: [], visitorName: null, visitorLocale: 'en', lastMessagePreview: null, createdAt: now,
      escalatedAt: now, claimedAt: null, resolvedAt: null, lastActivityAt: now, lastVisitorActivityAt: now,
    });
    const results = await Promise.all(
      instances.map((store, i) =>
        store.conversations.transition('c1', { state: 'queued', version: 3 }, { state: 'owned', version: 4, owner: { operatorId: `op-${i}`, name: `Op ${i}` } }),
      ),
    );
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    const stored = await instances[0]!.conversations.get('c1');
    expect(stored?.owner).toEqual(winners[0]!.owner);
    expect(await db.collection('transitions').countDocuments({ conversationId: 'c1' })).toBe(1);
  });
});
