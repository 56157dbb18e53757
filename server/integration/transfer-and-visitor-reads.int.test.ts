import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/errors';
import { WidgetAvailability } from '../../shared/visitor-protocol';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo Berg', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-cy', email: 'cy@b.test', name: 'Cy Bell', siteIds: ['site-b'] });
});
afterEach(() => h.close());

async function queuedConversation(): Promise<string> {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'request_human', clientMessageId: 'h1' });
  const queued = await client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
  client.close();
  return queued.conversation.conversationId;
}

describe('transfer targets', () => {
  it('moves a waiting conversation to another queue of its site', async () => {
    const id = await queuedConversation();
    const ana = await loginOperator(h, 'ana@a.test');
    const moved = await ana.fetch(`/api/conversations/${id}/transfer`, { body: { queue: 'billing' } });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation).toMatchObject({ conversationId: id, state: 'queued', queue: 'billing', owner: null });
  });

  it('refuses a queue the site lacks, an operator of another site, and a transfer naming nobody', async () => {
    const id = await queuedConversation();
    const ana = await loginOperator(h, 'ana@a.test');
    const transfer = (body: object) => ana.fetch(`/api/conversations/${id}/transfer`, { body });
    expect(await transfer({ queue: 'nope' })).toEqual({
      status: 400,
      body: { code: 'invalid_request', message: 'No queue "nope" on this site.' },
    });
    expect(await transfer({ operatorId: 'op-cy' })).toEqual({
      status: 404,
      body: { code: 'not_found', message: 'No operator with that id on this site.' },
    });
    expect(await transfer({})).toEqual({
      status: 400,
      body: { code: 'invalid_request', message: 'Name a queue or an operator to transfer to.' },
    });
    expect((await h.deps.store.conversations.get(id))?.queue).not.toBe('nope');
  });
});

describe('intent corrections', () => {
  it('names the owner when a colleague tries to correct an owned conversation', async () => {
    const id = await queuedConversation();
    const ana = await loginOperator(h, 'ana@a.test');
    const bo = await loginOperator(h, 'bo@a.test');
    expect((await ana.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    expect(await bo.fetch(`/api/conversations/${id}/intent`, { body: { intent: 'refund' } })).toEqual({
      status: 409,
      body: {
        code: 'already_claimed',
        message: 'Claimed by Ana Lima: only they can correct the intent.',
        owner: { operatorId: 'op-ana', name: 'Ana Lima' },
      },
    });
  });
});

describe('a resuming visitor', () => {
  it('gets nothing before a conversation exists, then only the messages after the seq it names', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'resume', afterSeq: 0 });
    expect((await client.waitFor('history')).messages).toEqual([]);

    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'Hello there' });
    const first = await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1');
    await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    client.send({ type: 'resume', afterSeq: first.message.seq });
    const history = await client.waitFor('history', (e) => e.messages.length > 0);
    const stored = await h.db
      .collection('messages')
      .find({ conversationId: first.message.conversationId, seq: { $gt: first.message.seq } })
      .sort({ seq: 1 })
      .toArray();
    expect(history.messages.map((m) => m.seq)).toEqual(stored.map((m) => m.seq));
    expect(history.messages.some((m) => m.sender.kind === 'bot')).toBe(true);
    client.close();
  });
});

describe("the launcher's availability check", () => {
  it('answers a known site key to any origin, and an unknown one with unknown_site', async () => {
    const known = await fetch(`${h.baseUrl}/api/widget/availability?site=key-a`);
    expect(known.status).toBe(200);
    expect(known.headers.get('access-control-allow-origin')).toBe('*');
    expect(WidgetAvailability.parse(await known.json())).toMatchObject({ handoffEnabled: true });

    const unknown = await fetch(`${h.baseUrl}/api/widget/availability?site=no-such-key`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'unknown_site', message: errorMessages.unknown_site });
  });
});
