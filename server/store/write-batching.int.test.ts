import { randomUUID } from 'node:crypto';
import { type CommandStartedEvent, type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationDoc } from '../test-support/conversation-doc';
import { testDatabaseUri } from '../test-support/harness';
import { createStore } from '.';
import { idReadBatcher } from './id-read-batcher';
import { insertBatcher } from './insert-batcher';

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
    // Nothing written yet: the conversations still say seq 2, but the next check already counts the waiting stamps.
    expect((await store.conversations.get('sb-0'))?.lastSeq).toBe(2);
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
