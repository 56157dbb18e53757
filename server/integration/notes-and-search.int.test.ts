import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@b.test', name: 'Bo Berg', siteIds: ['site-b'] });
});
afterEach(async () => {
  await h.close();
});

/** A visitor who said `text`, and the conversation Ana barged into. */
async function conversationWith(text: string) {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'q1', text });
  const first = await client.waitFor('message_added');
  const conversationId = first.message.conversationId;
  const ana = await loginOperator(h, 'ana@a.test');
  expect((await ana.fetch(`/api/conversations/${conversationId}/barge-in`, { body: {} })).status).toBe(200);
  await client.waitFor('operator_joined');
  return { client, ana, conversationId };
}

describe('internal notes', () => {
  it('reach the site’s operators and the audit trail, never the visitor’s socket or transcript', async () => {
    const { client, ana, conversationId } = await conversationWith('Where is my order?');
    const anaSocket = await connectOperator(h, ana);
    const secret = 'Customer is on the fraud watch list';

    const added = await ana.fetch(`/api/conversations/${conversationId}/notes`, { body: { text: secret } });
    expect(added.status).toBe(200);
    expect(added.body.note).toMatchObject({ conversationId, text: secret, author: { operatorId: 'op-ana', name: 'Ana Lima' } });
    await anaSocket.waitFor('note_added', (e) => e.note.text === secret);

    // A reply after the note: once the visitor has it, the note had every chance to arrive first.
    expect(
      (await ana.fetch(`/api/conversations/${conversationId}/reply`, { body: { clientMessageId: 'r1', text: 'It ships today.' } })).status,
    ).toBe(200);
    await client.waitFor('message_added', (e) => e.message.text === 'It ships today.');
    expect(JSON.stringify(client.events)).not.toContain(secret);

    const detail = await ana.fetch(`/api/conversations/${conversationId}`);
    expect(detail.body.notes.map((n: { text: string }) => n.text)).toEqual([secret]);
    expect(detail.body.messages.map((m: { text: string }) => m.text)).not.toContain(secret);
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toContain('internal_note_added');
    // Stored apart from the messages, which are all a visitor's history is read from.
    expect(await h.db.collection('messages').countDocuments({ text: secret })).toBe(0);
    const resumed = await visitorSession(h, 'key-a', { token: (await client.waitFor('welcome')).visitorToken });
    expect(JSON.stringify(resumed.client.events)).not.toContain(secret);
    client.close();
    resumed.client.close();
    anaSocket.close();
  });

  it('are refused for another site’s conversation, as if it did not exist', async () => {
    const { client, conversationId } = await conversationWith('Hello');
    const bo = await loginOperator(h, 'bo@b.test');
    const refused = await bo.fetch(`/api/conversations/${conversationId}/notes`, { body: { text: 'peek' } });
    expect(refused.status).toBe(404);
    expect(await h.db.collection('internal_notes').countDocuments({})).toBe(0);
    client.close();
  });
});

describe('search of resolved conversations', () => {
  it('finds a resolved conversation by a word from its transcript, whatever its case and accents', async () => {
    const { client, ana, conversationId } = await conversationWith('My Zébrafish aquarium lamp flickers');
    await ana.fetch(`/api/conversations/${conversationId}/reply`, { body: { clientMessageId: 'r1', text: 'Try the Quokka adapter.' } });
    const other = await conversationWith('Something else entirely');
    expect((await ana.fetch(`/api/conversations/${conversationId}/resolve`, { body: {} })).status).toBe(200);
    expect((await ana.fetch(`/api/conversations/${other.conversationId}/resolve`, { body: {} })).status).toBe(200);

    const ids = async (q: string) =>
      (await ana.fetch(`/api/conversations?view=resolved&q=${encodeURIComponent(q)}`)).body.conversations.map(
        (c: { conversationId: string }) => c.conversationId,
      );
    expect(await ids('zebrafish')).toEqual([conversationId]);
    expect(await ids('ZÉBRAFISH aquarium')).toEqual([conversationId]);
    expect(await ids('quokka')).toEqual([conversationId]);
    expect(await ids('entirely')).toEqual([other.conversationId]);
    expect(await ids('platypus')).toEqual([]);
    // A regex character is a character, not a pattern.
    expect(await ids('.*')).toEqual([]);
    // Paged: one row a page, the next page from the cursor.
    const first = await ana.fetch('/api/conversations?view=resolved&q=a&limit=1');
    expect(first.body.conversations).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    // The list rows never carry the stored search text.
    expect(JSON.stringify(first.body)).not.toContain('searchText');
    client.close();
    other.client.close();
  });
});

describe('the operators’ callbacks list', () => {
  it('names the visitor of each callback beside the contact', async () => {
    const { client, ana, conversationId } = await conversationWith('Please call me back');
    await h.db.collection('conversations').updateOne({ _id: conversationId as never }, { $set: { visitorName: 'Vera Nunes' } });
    await h.deps.store.callbacks.insert({
      _id: 'cb-1',
      siteId: 'site-a',
      conversationId,
      slot: null,
      contact: { kind: 'phone', value: '+351 555 0100' },
      note: null,
      visitorTimeZone: 'Europe/Lisbon',
      status: 'pending',
      createdAt: new Date(),
      doneAt: null,
      doneBy: null,
    });
    const list = await ana.fetch('/api/callbacks');
    expect(list.body.callbacks).toEqual([
      expect.objectContaining({ callbackId: 'cb-1', visitorName: 'Vera Nunes', contact: { kind: 'phone', value: '+351 555 0100' } }),
    ]);
    client.close();
  });
});

describe('visitor presence', () => {
  it('tells the operators when the visitor leaves a waiting conversation and when they come back', async () => {
    await h.close();
    h = await startHarness({ visitorLeftGraceMs: 200 });
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
    const ana = await loginOperator(h, 'ana@a.test');
    const anaSocket = await connectOperator(h, ana);
    const { client, welcome } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h1' });
    const waiting = await anaSocket.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
    const id = waiting.conversation.conversationId;
    // The conversation started after the hello: it says so from its start, not only after a departure.
    expect(waiting.conversation.visitorPresence?.online).toBe(true);

    client.close();
    const left = await anaSocket.waitFor(
      'conversation_updated',
      (e) => e.conversation.conversationId === id && e.conversation.visitorPresence?.online === false,
    );
    expect(Date.parse(left.conversation.visitorPresence!.since)).toBeGreaterThan(0);
    const listed = await ana.fetch('/api/conversations?view=awaiting');
    expect(listed.body.conversations[0].visitorPresence).toMatchObject({ online: false });

    const back = await visitorSession(h, 'key-a', { token: welcome.visitorToken });
    await anaSocket.waitFor(
      'conversation_updated',
      (e) => e.conversation.conversationId === id && e.conversation.visitorPresence?.online === true,
    );
    back.client.close();
    anaSocket.close();
  });
});
