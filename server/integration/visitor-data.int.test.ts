import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BSON } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EraseVisitorResponse, VisitorDataExport } from '../../shared/visitor-data';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { connectVisitor, loginOperator, type OperatorSession, visitorSession } from '../test-support/clients';
import { eventually } from '../test-support/eventually';
import { type InstanceHarness, seedOperator, seedSite, startHarness, testDatabaseUri } from '../test-support/harness';

// A visitor's export and erasure through the real app, sockets, event bus and database. The proof
// of erasure is a scan of every collection of the database for anything the visitor wrote or was called.

const ZOE = {
  id: 'user-zq-1138',
  name: 'Zoe Quarrington',
  email: 'zoe.quarrington@example.test',
  attributes: { plan: 'platinum-zq' },
};
const ZOE_WORDS = 'My blender from order ZQ-771-4820 is broken, please call me';
const ZOE_NOTE = 'Evenings only, ask for Zoe Quarrington';
/** Everything of Zoe's that must be gone after erasure. */
const ZOE_TRACES = ['Quarrington', 'zoe.quarrington', 'ZQ-771-4820', 'blender', 'platinum-zq', 'user-zq-1138', 'Evenings only'];
const OTHER_WORDS = 'Otto Wendling asks about the warranty of lamp OW-5512';

let h: InstanceHarness;
let hook: Server;

async function startHook(): Promise<string> {
  hook = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
}

beforeEach(async () => {
  // The event bus too: it keeps the events it carried (texts included) for up to a minute.
  h = await startHarness({ eventBus: { instanceId: 'privacy-test' } });
  // People's hours never open, so a request for a person offers a callback.
  const closed = { timeZone: 'Europe/Berlin', weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    secret: 'site-secret',
    config: { hours: closed, webhook: { url: await startHook() } },
  });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ada', email: 'ada@a.test', name: 'Ada Admin', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam Operator', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-bea', email: 'bea@b.test', name: 'Bea Admin', siteIds: ['site-b'], role: 'admin' });
});
afterEach(async () => {
  await h.close();
  await new Promise((r) => hook.close(r));
});

/** Zoe identifies herself, writes, asks for a person outside hours and books a callback. */
async function zoeChats() {
  const { client, welcome } = await visitorSession(h, 'key-a');
  client.send({ type: 'identify', identity: { ...ZOE, userHash: createHmac('sha256', 'site-secret').update(ZOE.id).digest('hex') } });
  expect(await client.waitFor('identity_checked')).toMatchObject({ verified: true });
  client.send({ type: 'send_message', clientMessageId: 'm1', text: ZOE_WORDS });
  const conversationId = (await client.waitFor('message_added')).message.conversationId;
  client.send({ type: 'request_human', clientMessageId: 'h1' });
  await client.waitFor('conversation_updated', (e) => e.conversation.callbackOffer !== null);
  client.send({ type: 'request_callback', clientMessageId: 'cb1', contact: { kind: 'email', value: ZOE.email }, note: ZOE_NOTE });
  await client.waitFor('callback_confirmed');
  await h.deps.webhooks.idle();
  const conversation = await h.deps.store.conversations.get(conversationId);
  return { client, token: welcome.visitorToken, conversationId, visitorId: conversation!.visitorId };
}

async function ottoChats(): Promise<void> {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'o1', text: OTHER_WORDS });
  await client.waitFor('message_added');
  client.close();
}

/** Every document of every collection, as extended JSON (dates and all), one string per collection. */
async function dumpDatabase(): Promise<Record<string, string>> {
  const dump: Record<string, string> = {};
  for (const { name } of await h.db.listCollections({}, { nameOnly: true }).toArray()) {
    dump[name] = BSON.EJSON.stringify(await h.db.collection(name).find({}).toArray());
  }
  return dump;
}

function tracesIn(dump: Record<string, string>, traces: string[]): string[] {
  return Object.entries(dump).flatMap(([collection, json]) => traces.filter((t) => json.includes(t)).map((t) => `${collection}: ${t}`));
}

const signIn = (...emails: [string, string, string]) =>
  Promise.all(emails.map((e) => loginOperator(h, e))) as Promise<[OperatorSession, OperatorSession, OperatorSession]>;
const exportOf = (op: OperatorSession, visitorId: string, siteId = 'site-a') =>
  op.fetch(`/api/sites/${siteId}/visitors/${visitorId}/export`);
const erase = (op: OperatorSession, visitorId: string, siteId = 'site-a') =>
  op.fetch(`/api/sites/${siteId}/visitors/${visitorId}/erase`, { method: 'POST' });

describe("a visitor's data", () => {
  it('is exported whole, as a JSON download, to an admin of their site only, and the export is audited', async () => {
    const zoe = await zoeChats();
    const [ada, sam, bea] = await signIn('ada@a.test', 'sam@a.test', 'bea@b.test');
    expect((await exportOf(bea, zoe.visitorId)).status).toBe(404);
    expect((await exportOf(bea, zoe.visitorId, 'site-b')).status).toBe(404);
    expect((await exportOf(sam, zoe.visitorId)).status).toBe(403);

    const noted = await ada.fetch(`/api/conversations/${zoe.conversationId}/notes`, { body: { text: 'Zoe Quarrington prefers evenings' } });
    expect(noted.status).toBe(200);

    const res = await fetch(`${h.baseUrl}/api/sites/site-a/visitors/${zoe.visitorId}/export`, { headers: { cookie: ada.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="visitor-${zoe.visitorId}.json"`);
    const exported = VisitorDataExport.parse(await res.json());
    expect(exported.visitor).toMatchObject({
      visitorId: zoe.visitorId,
      verified: true,
      erasedAt: null,
      identity: { id: ZOE.id, name: ZOE.name, email: ZOE.email },
    });
    expect(exported.conversations).toHaveLength(1);
    const [conversation] = exported.conversations;
    expect(conversation!.state).toBe('callback_requested');
    expect(conversation!.messages.map((m) => m.text)).toContain(ZOE_WORDS);
    expect(conversation!.episodes.length).toBeGreaterThan(0);
    // Operators' internal notes about her conversation, with who wrote them and when.
    expect(conversation!.internalNotes).toEqual([
      {
        noteId: noted.body.note.noteId,
        conversationId: zoe.conversationId,
        author: { operatorId: 'op-ada', name: 'Ada Admin' },
        text: 'Zoe Quarrington prefers evenings',
        createdAt: noted.body.note.createdAt,
      },
    ]);
    expect(exported.callbacks).toEqual([expect.objectContaining({ contact: { kind: 'email', value: ZOE.email }, note: ZOE_NOTE })]);
    expect(exported.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['escalated', 'callback_requested']));
    expect(exported.webhookDeliveries.map((d) => d.event)).toEqual(['escalated', 'callback_requested']);

    const audited = await h.db.collection('audit').find({ action: 'visitor_data_exported' }).toArray();
    expect(audited).toEqual([
      expect.objectContaining({
        siteId: 'site-a',
        visitorId: zoe.visitorId,
        conversationId: null,
        actor: { kind: 'operator', operatorId: 'op-ada', name: 'Ada Admin' },
      }),
    ]);
    zoe.client.close();
  });

  it('is erased from every collection, the audit trail kept with a tombstone, her sockets closed; a second erasure changes nothing', async () => {
    // What a second instance killed a moment ago leaves: its read position. Until it goes stale the
    // bus keeps every event after it (texts included), which erasure must blank too.
    const newest = await h.db.collection<{ _id: number }>('events').find({}).sort({ _id: -1 }).limit(1).next();
    await h.db
      .collection<{ _id: string; handled: number; at: Date }>('event_bus_positions')
      .insertOne({ _id: 'killed-instance', handled: newest?._id ?? 0, at: new Date() });
    const zoe = await zoeChats();
    await ottoChats();
    const secondTab = await visitorSession(h, 'key-a', { token: zoe.token });
    const [ada, sam, bea] = await signIn('ada@a.test', 'sam@a.test', 'bea@b.test');
    // A live inbox, so operator events carrying her words go through the bus too.
    expect(await exportOf(ada, zoe.visitorId)).toMatchObject({ status: 200 });
    // Operators' notes about her name her too.
    expect(
      (await ada.fetch(`/api/conversations/${zoe.conversationId}/notes`, { body: { text: 'Zoe Quarrington prefers evenings' } })).status,
    ).toBe(200);
    const before = await dumpDatabase();
    const tracedCollections = new Set(tracesIn(before, ZOE_TRACES).map((t) => t.split(':')[0]));
    expect([...tracedCollections]).toEqual(
      // episode_rows: the Insights list's rows carry her name (server/domain/insights/episode-row.ts).
      expect.arrayContaining([
        'messages',
        'conversations',
        'visitors',
        'callbacks',
        'webhook_deliveries',
        'events',
        'internal_notes',
        'episode_rows',
      ]),
    );

    expect((await erase(bea, zoe.visitorId)).status).toBe(404);
    expect((await erase(sam, zoe.visitorId)).status).toBe(403);
    const first = await erase(ada, zoe.visitorId);
    expect(first.status).toBe(200);
    const { erasure } = EraseVisitorResponse.parse(first.body);
    expect(erasure).toMatchObject({ visitorId: zoe.visitorId, alreadyErased: false, conversations: 1, callbacks: 1, webhookDeliveries: 2 });
    expect(erasure.messages).toBeGreaterThanOrEqual(2);
    expect(erasure.auditEntries).toBeGreaterThanOrEqual(2);

    // Both of her tabs are closed with the code that makes the widget drop its token.
    for (const tab of [zoe.client, secondTab.client]) expect(await tab.waitClosed()).toEqual({ code: 4400, reason: 'unauthenticated' });

    await h.deps.webhooks.idle();
    const after = await dumpDatabase();
    expect(tracesIn(after, ZOE_TRACES)).toEqual([]);
    // Only hers: the other visitor's words are still there.
    expect(after.messages).toContain(OTHER_WORDS);

    // The trail stays: who did what and when, with her words taken out.
    const trail = await h.db.collection('audit').find({ conversationId: zoe.conversationId }).sort({ at: 1 }).toArray();
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['escalated', 'callback_requested', 'resolved']));
    for (const entry of trail) expect(entry).toMatchObject({ erased: true, evidence: [] });
    expect(await h.db.collection('audit').findOne({ action: 'visitor_erased' })).toMatchObject({
      visitorId: zoe.visitorId,
      actor: { kind: 'operator', operatorId: 'op-ada' },
    });
    // The conversation remains, resolved and blank, for the statistics.
    expect(await h.deps.store.conversations.get(zoe.conversationId)).toMatchObject({
      state: 'resolved',
      visitorName: null,
      lastMessagePreview: null,
      casePackage: null,
      facts: {},
    });

    const again = await erase(ada, zoe.visitorId);
    expect(again.status).toBe(200);
    expect(again.body.erasure).toMatchObject({
      alreadyErased: true,
      conversations: 0,
      messages: 0,
      callbacks: 0,
      webhookDeliveries: 0,
      auditEntries: 0,
      erasedAt: erasure.erasedAt,
    });
    expect(tracesIn(await dumpDatabase(), ZOE_TRACES)).toEqual([]);
    expect(await h.db.collection('audit').countDocuments({ action: 'visitor_erased' })).toBe(2);

    // What is left to export is the tombstone.
    const tombstone = VisitorDataExport.parse((await exportOf(ada, zoe.visitorId)).body);
    expect(tombstone.visitor).toMatchObject({ identity: null, erasedAt: erasure.erasedAt, context: {} });
    expect(tombstone.conversations[0]!.messages).toEqual([]);
    expect(tombstone.callbacks).toEqual([]);

    // Her old token no longer opens anything: the widget starts afresh as a new visitor.
    const returning = await connectVisitor(h, 'key-a', { token: zoe.token });
    returning.send({ type: 'hello', context: { locale: 'en' }, afterSeq: 0 });
    const welcome = await returning.waitFor('welcome');
    expect(welcome.visitorToken).not.toBe(zoe.token);
    expect(welcome.messages).toEqual([]);
    returning.close();
  });

  it('is exported and erased from the command line too (`npx baton visitor export|erase`), each audited', async () => {
    const zoe = await zoeChats();
    zoe.client.close();
    const env = { PATH: process.env.PATH, MONGODB_URI: testDatabaseUri(), MONGODB_DB: h.db.databaseName };
    const baton = (...args: string[]) =>
      execFileSync(process.execPath, ['bin/baton.mjs', ...args], { env, encoding: 'utf8', timeout: 60_000 });
    const exported = VisitorDataExport.parse(JSON.parse(baton('visitor', 'export', 'key-a', zoe.visitorId)));
    expect(JSON.stringify(exported)).toContain(ZOE_WORDS);
    expect(baton('visitor', 'erase', 'key-a', zoe.visitorId)).toMatch(new RegExp(`Visitor ${zoe.visitorId} of .+ erased at`));
    expect(tracesIn(await dumpDatabase(), ['blender', 'ZQ-771-4820', 'zoe.quarrington'])).toEqual([]);
    expect(baton('visitor', 'erase', 'key-a', zoe.visitorId)).toMatch(/already erased/);
    const byCommandLine = await h.db
      .collection('audit')
      .find({ note: { $regex: 'command line' } })
      .toArray();
    expect(byCommandLine.map((a) => a.action).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/export/), expect.stringMatching(/eras/)]),
    );
  }, 120_000);

  it("is erased right after the bot answered: the answer's stamps, still waiting to be written, land before the blanking, not over it", async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', secret: 'site-secret', config: { bot: demoBotConfig } });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q1', text: 'How long does shipping take?' });
    const first = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    const conversationId = first.message.conversationId;
    await eventually(
      () => h.deps.store.conversations.get(conversationId),
      (c) => c?.lastSeq === first.message.seq,
    );
    client.send({ type: 'send_message', clientMessageId: 'q2', text: 'How much does shipping cost?' });
    const reply = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq > first.message.seq);
    const [ada] = await signIn('ada@a.test', 'sam@a.test', 'bea@b.test');
    const visitorId = (await h.deps.store.conversations.get(conversationId))!.visitorId;
    expect((await erase(ada, visitorId)).status).toBe(200);
    // Past the stamps' delay (500 ms): nothing wrote the answer's preview back over the erasure.
    await new Promise((r) => setTimeout(r, 800));
    const stored = await h.deps.store.conversations.get(conversationId);
    expect(stored?.lastMessagePreview).toBeNull();
    expect(stored?.lastSeq).toBe(reply.message.seq);
    client.close();
  });

  it('loses a rating comment but keeps its score', async () => {
    const { client } = await visitorSession(h, 'key-b');
    client.send({ type: 'send_message', clientMessageId: 'r1', text: 'hello from Quarrington' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    const conversation = await h.deps.store.conversations.get(conversationId);
    const bea = await loginOperator(h, 'bea@b.test');
    expect((await bea.fetch(`/api/conversations/${conversationId}/resolve`, { body: {} })).status).toBe(200);
    await client.waitFor('conversation_resolved');
    client.send({ type: 'rate', score: 4, comment: 'Quarrington liked it' });
    await expect.poll(async () => (await h.deps.store.conversations.get(conversationId))?.rating?.comment).toBe('Quarrington liked it');
    expect((await erase(bea, conversation!.visitorId, 'site-b')).status).toBe(200);
    expect((await h.deps.store.conversations.get(conversationId))?.rating).toMatchObject({ score: 4, comment: null });
    expect(tracesIn(await dumpDatabase(), ['Quarrington'])).toEqual([]);
  });
});
