import { randomUUID } from 'node:crypto';
import { type CommandStartedEvent, type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationDoc } from '../test-support/conversation-doc';
import { testDatabaseUri } from '../test-support/harness';
import { createStore } from '.';
import type { ConversationDoc } from './documents';
import { idReadBatcher } from './id-read-batcher';
import { insertBatcher } from './insert-batcher';
import { createStampsBehind } from './stamps-behind';

// Group commit on the real database (store/insert-batcher.ts, id-read-batcher.ts, stamps-behind.ts):
// what is asked for at one moment leaves in one command, and each caller still gets its own answer.
let client: MongoClient;
let db: Db;
const started: string[] = [];
beforeAll(async () => {
  client = await MongoClient.connect(testDatabaseUri(), { monitorCommands: true });
  client.on('commandStarted', (e: CommandStartedEvent) => started.push(`${e.commandName} ${e.command[e.commandName]}`));
  db = client.db(`baton_test_${randomUUID().slice(0, 8)}`);
  await createStore(db).ensureIndexes();
});
afterAll(async () => {
  await db.dropDatabase();
  await client.close();
});

const counting = async <T>(work: () => Promise<T>): Promise<{ result: T; commands: string[] }> => {
  const from = started.length;
  const result = await work();
  return { result, commands: started.slice(from) };
};

describe('the insert batcher', () => {
  it('stores inserts asked for at one moment in one insertMany, answering a refused one alone', async () => {
    const col = db.collection<{ _id: string; key: string }>('batched_inserts');
    await col.createIndex({ key: 1 }, { unique: true });
    await col.insertOne({ _id: 'first', key: 'taken' });
    const batcher = insertBatcher(col);
    const docs = Array.from({ length: 30 }, (_, i) => ({ _id: `d${i}`, key: i === 7 ? 'taken' : `k${i}` }));
    const { result, commands } = await counting(() => Promise.all(docs.map((d) => batcher.insert(d))));
    expect(commands).toEqual(['insert batched_inserts']);
    expect(result.filter((r) => !r.ok)).toEqual([{ ok: false, code: 11000, message: expect.any(String) }]);
    expect(result[7]).toMatchObject({ ok: false, code: 11000 });
    expect(await col.countDocuments({ _id: { $in: docs.map((d) => d._id) } })).toBe(29);
    expect(batcher.pending).toBe(0);
  });

  it('sends what arrives while a batch is on its way together in the next', async () => {
    const col = db.collection<{ _id: string }>('batched_inserts_2');
    const batcher = insertBatcher(col, { maxInFlight: 1 });
    const first = batcher.insert({ _id: 'a0' });
    await new Promise((r) => setImmediate(r));
    const { commands } = await counting(() =>
      Promise.all([first, ...Array.from({ length: 10 }, (_, i) => batcher.insert({ _id: `b${i}` }))]),
    );
    expect(commands).toEqual(['insert batched_inserts_2']);
    expect(await col.countDocuments()).toBe(11);
  });
});

describe('the insert batcher, when a batch fails as a whole', () => {
  it('tries each document alone, so only the one at fault fails, with its own error', async () => {
    const col = db.collection<{ _id: string; text: string }>('batched_inserts_3');
    const batcher = insertBatcher(col);
    const tooLarge = 'x'.repeat(17 * 1024 * 1024);
    const results = await Promise.allSettled([
      batcher.insert({ _id: 'small-1', text: 'hello' }),
      batcher.insert({ _id: 'huge', text: tooLarge }),
      batcher.insert({ _id: 'small-2', text: 'hello' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await col.countDocuments()).toBe(2);
  });
});

describe('the read batcher', () => {
  it('reads conversations asked for at one moment with one find, each caller getting its own (or null)', async () => {
    const col = db.collection<{ _id: string; n: number }>('batched_reads');
    await col.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: `r${i}`, n: i })));
    const reads = idReadBatcher(col);
    const ids = [...Array.from({ length: 20 }, (_, i) => `r${i}`), 'r3', 'missing'];
    const { result, commands } = await counting(() => Promise.all(ids.map((id) => reads.get(id))));
    expect(commands).toEqual(['find batched_reads']);
    expect(result.map((d) => d?.n ?? null)).toEqual([...Array.from({ length: 20 }, (_, i) => i), 3, null]);
  });
});

describe('conversation stamps written behind', () => {
  it('writes the stamps of many conversations in one update, each once however many messages it had', async () => {
    const store = createStore(db, { conversations: { stampsDelayMs: 60_000 } });
    const ids = Array.from({ length: 10 }, (_, i) => `sb-${i}`);
    for (const id of ids) await store.conversations.insert(conversationDoc({ _id: id, state: 'bot', lastSeq: 2 }));
    const at = new Date(Date.now() + 1000);
    for (const id of ids) {
      const doc = await store.conversations.checked(id, { state: 'bot', version: 1 });
      const once = store.conversations.stampBehind(doc!, 3, {
        lastMessagePreview: 'visitor',
        lastActivityAt: at,
        lastVisitorActivityAt: at,
      });
      store.conversations.stampBehind(once, 4, { lastMessagePreview: 'bot reply', lastActivityAt: at });
    }
    // Nothing written yet: the database still says seq 2; this instance's reads and checks already count the waiting stamps.
    expect((await db.collection<ConversationDoc>('conversations').findOne({ _id: 'sb-0' }))?.lastSeq).toBe(2);
    expect((await store.conversations.get('sb-0'))?.lastSeq).toBe(4);
    expect(await store.conversations.checked('sb-0', { before: 4 })).toBeNull();
    const { commands } = await counting(() => store.conversations.flushStamps());
    expect(commands).toEqual(['update conversations']);
    for (const id of ids) {
      expect(await store.conversations.get(id)).toMatchObject({
        lastSeq: 4,
        lastMessagePreview: 'bot reply',
        lastActivityAt: at,
        lastVisitorActivityAt: at,
      });
    }
  });

  it('writes the stamps of 300 conversations at once in commands small enough for FerretDB 1.24 to answer', async () => {
    const store = createStore(db, { conversations: { stampsDelayMs: 60_000 } });
    const ids = Array.from({ length: 300 }, (_, i) => `sb-many-${i}`);
    await db
      .collection<ConversationDoc>('conversations')
      .insertMany(ids.map((id) => conversationDoc({ _id: id, state: 'bot', lastSeq: 0 })));
    const docs = await Promise.all(ids.map((id) => store.conversations.checked(id, { state: 'bot' })));
    for (const doc of docs) store.conversations.stampBehind(doc!, 1, { lastMessagePreview: 'hello', lastActivityAt: new Date() });
    const { commands } = await counting(() => store.conversations.flushStamps());
    expect(commands).toEqual(Array.from({ length: 30 }, () => 'update conversations'));
    expect(await db.collection<ConversationDoc>('conversations').countDocuments({ _id: { $in: ids }, lastSeq: 1 })).toBe(300);
  }, 60_000);

  it('never brings back an older preview over a later message recorded meanwhile', async () => {
    const store = createStore(db, { conversations: { stampsDelayMs: 60_000 } });
    await store.conversations.insert(conversationDoc({ _id: 'sb-late', state: 'bot', lastSeq: 2 }));
    const doc = await store.conversations.checked('sb-late', { state: 'bot', version: 1 });
    store.conversations.stampBehind(doc!, 3, { lastMessagePreview: 'older', lastActivityAt: new Date() });
    // Another writer (another instance, an operator's message) records seq 4 before the stamps are written.
    await store.conversations.recordMessage('sb-late', 4, { lastMessagePreview: 'newer', lastActivityAt: new Date() });
    await store.conversations.flushStamps();
    expect(await store.conversations.get('sb-late')).toMatchObject({ lastSeq: 4, lastMessagePreview: 'newer' });
  });

  it('still moves the visitor activity forward when a later message took the seq and the preview meanwhile', async () => {
    const store = createStore(db, { conversations: { stampsDelayMs: 60_000 } });
    const t0 = new Date(Date.UTC(2026, 11, 7, 12, 0, 0));
    await store.conversations.insert(
      conversationDoc({ _id: 'sb-dates', state: 'bot', lastSeq: 2, createdAt: t0, lastActivityAt: t0, lastVisitorActivityAt: t0 }),
    );
    const visitorAt = new Date(t0.getTime() + 5000);
    const doc = await store.conversations.checked('sb-dates', { state: 'bot' });
    store.conversations.stampBehind(doc!, 4, {
      lastMessagePreview: 'bot reply',
      lastActivityAt: visitorAt,
      lastVisitorActivityAt: visitorAt,
    });
    // The escalation's own message, recorded at once (no visitor date of its own).
    await store.conversations.recordMessage('sb-dates', 5, {
      lastMessagePreview: 'Connecting you with a person',
      lastActivityAt: visitorAt,
    });
    await store.conversations.flushStamps();
    expect(await store.conversations.get('sb-dates')).toMatchObject({
      lastSeq: 5,
      lastMessagePreview: 'Connecting you with a person',
      lastVisitorActivityAt: visitorAt,
    });
  });

  it('keeps the preview of a conversation erased (a new version, blanked) while an answer’s stamps waited', async () => {
    const store = createStore(db, { conversations: { stampsDelayMs: 60_000 } });
    await store.conversations.insert(conversationDoc({ _id: 'sb-erased', state: 'bot', version: 1, lastSeq: 2 }));
    const doc = await store.conversations.checked('sb-erased', { state: 'bot', version: 1 });
    store.conversations.stampBehind(doc!, 3, { lastMessagePreview: 'Thanks Anna, order 123 ships Monday', lastActivityAt: new Date() });
    await store.conversations.transition('sb-erased', { state: 'bot', version: 1 }, { state: 'resolved', version: 2 });
    await store.conversations.patch('sb-erased', { lastMessagePreview: null });
    await store.conversations.flushStamps();
    expect(await store.conversations.get('sb-erased')).toMatchObject({ lastSeq: 3, lastMessagePreview: null });
  });

  it('leaves a conversation whose lock is busy for the next round, writing the others', async () => {
    const col = db.collection<ConversationDoc>('conversations');
    await col.insertMany([conversationDoc({ _id: 'sb-free', lastSeq: 0 }), conversationDoc({ _id: 'sb-busy', lastSeq: 0 })]);
    let busy = true;
    const behind = createStampsBehind(
      col,
      { withLocks: (_keys, work) => work(), isLocked: (id) => busy && id === 'sb-busy' },
      30,
      () => {},
    );
    const stamps = { seq: 1, version: 1, preview: 'hi', lastActivityAt: new Date(), lastVisitorActivityAt: null };
    behind.add('sb-free', stamps);
    behind.add('sb-busy', stamps);
    await new Promise((r) => setTimeout(r, 200));
    expect((await col.findOne({ _id: 'sb-free' }))?.lastSeq).toBe(1);
    expect((await col.findOne({ _id: 'sb-busy' }))?.lastSeq).toBe(0);
    expect(behind.pendingFor('sb-busy')).not.toBeNull();
    busy = false;
    await new Promise((r) => setTimeout(r, 200));
    expect((await col.findOne({ _id: 'sb-busy' }))?.lastSeq).toBe(1);
  });

  it('gives its stamps up, saying how many, once the database client is closed', async () => {
    const closed = await MongoClient.connect(testDatabaseUri());
    const col = closed.db(db.databaseName).collection<ConversationDoc>('conversations');
    await closed.close();
    const errors: number[] = [];
    const behind = createStampsBehind(col, { withLocks: (_keys, work) => work(), isLocked: () => false }, 60_000, (_e, given) =>
      errors.push(given),
    );
    behind.add('sb-gone', { seq: 1, version: 1, preview: 'hi', lastActivityAt: new Date(), lastVisitorActivityAt: null });
    await behind.flush();
    expect(errors).toEqual([1]);
    expect(behind.pendingFor('sb-gone')).toBeNull();
  });

  it('refuses the check once the conversation changed hands, as the conditional write did', async () => {
    const store = createStore(db);
    await store.conversations.insert(conversationDoc({ _id: 'sb-taken', state: 'bot', version: 1 }));
    await store.conversations.transition('sb-taken', { state: 'bot', version: 1 }, { state: 'owned', version: 2 });
    expect(await store.conversations.checked('sb-taken', { state: 'bot', version: 1 })).toBeNull();
  });

  it('writes on its own after the delay', async () => {
    const store = createStore(db, { conversations: { stampsDelayMs: 50 } });
    await store.conversations.insert(conversationDoc({ _id: 'sb-timer', state: 'bot', lastSeq: 0 }));
    const doc = await store.conversations.checked('sb-timer', {});
    store.conversations.stampBehind(doc!, 1, { lastMessagePreview: 'hello', lastActivityAt: new Date() });
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.conversations.get('sb-timer')).toMatchObject({ lastSeq: 1, lastMessagePreview: 'hello' });
  });
});
