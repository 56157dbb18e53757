import { ActionResponse } from '../../shared/http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
});
afterEach(() => h.close());

describe('a visitor and an operator over real sockets', () => {
  it('issues a visitor token and keeps the conversation across reconnects', async () => {
    const { client, welcome } = await visitorSession(h, 'key-a');
    expect(welcome.visitorToken).toMatch(/^[\w-]{20,}$/);
    expect(welcome.conversation).toBeNull();
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'Hello there' });
    const added = await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1');
    expect(added.message.seq).toBe(1);
    client.close();

    const again = await visitorSession(h, 'key-a', { token: welcome.visitorToken });
    expect(again.welcome.visitorToken).toBe(welcome.visitorToken);
    expect(again.welcome.conversation?.conversationId).toBe(added.message.conversationId);
    expect(again.welcome.messages.map((m) => m.text)).toContain('Hello there');
    again.client.close();
  });

  it('stores a message sent twice with the same client id once', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'dup-1', text: 'once please' });
    const first = await client.waitFor('message_added', (e) => e.message.clientMessageId === 'dup-1');
    client.send({ type: 'send_message', clientMessageId: 'dup-1', text: 'once please' });
    // The resend is answered with the stored message again: once it is back, counting is final.
    await client.waitFor('message_added', (e) => e.message.clientMessageId === 'dup-1' && e !== first);
    const stored = await h.db
      .collection('messages')
      .countDocuments({ conversationId: first.message.conversationId, clientMessageId: 'dup-1' });
    expect(stored).toBe(1);
    const echoes = client.events.filter((e) => e.type === 'message_added' && e.message.clientMessageId === 'dup-1');
    expect(echoes.every((e) => e.type === 'message_added' && e.message.seq === first.message.seq)).toBe(true);
    client.close();
  });

  it('lets the bot answer, then an operator claim, reply, and the visitor see it live', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q1', text: 'Are you a bot?' });
    const bot = await client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(bot.message.text.length).toBeGreaterThan(0);

    const ana = await loginOperator(h, 'ana@a.test');
    const socket = await connectOperator(h, ana);
    client.send({ type: 'request_human', clientMessageId: 'h1' });
    const handoff = await client.waitFor('handoff_started');
    expect(handoff.topic === null || typeof handoff.topic === 'string').toBe(true);
    const paged = await socket.waitFor('handoff_started');
    const conversationId = paged.conversation.conversationId;

    const list = await ana.fetch('/api/conversations?view=awaiting');
    expect(list.status).toBe(200);
    expect(list.body.conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual([conversationId]);

    const claim = await ana.fetch(`/api/conversations/${conversationId}/claim`, { body: {} });
    expect(claim.status).toBe(200);
    expect(claim.body.conversation.owner).toEqual({ operatorId: 'op-ana', name: 'Ana Lima' });
    const joined = await client.waitFor('operator_joined');
    expect(joined.operator).toEqual({ name: 'Ana', initial: 'A' });

    const reply = await ana.fetch(`/api/conversations/${conversationId}/reply`, { body: { clientMessageId: 'r1', text: 'Hi, Ana here.' } });
    expect(reply.status).toBe(200);
    // The inbox reads this answer with the shared contract; anything else shows "Not sent".
    expect(ActionResponse.safeParse(reply.body).success).toBe(true);
    expect(reply.body.conversation).toMatchObject({ conversationId, state: 'owned', owner: { operatorId: 'op-ana' } });
    const seen = await client.waitFor('message_added', (e) => e.message.sender.kind === 'operator');
    expect(seen.message).toMatchObject({ text: 'Hi, Ana here.', sender: { kind: 'operator', name: 'Ana' } });
    const live = await socket.waitFor('message_added', (e) => e.message.text === 'Hi, Ana here.');
    expect(live.message.conversationId).toBe(conversationId);

    const detail = await ana.fetch(`/api/conversations/${conversationId}`);
    expect(detail.body.messages.map((m: { seq: number }) => m.seq)).toEqual(
      [...detail.body.messages.map((m: { seq: number }) => m.seq)].sort((a: number, b: number) => a - b),
    );
    expect(detail.body.audit.map((a: { action: string }) => a.action)).toEqual(['escalated', 'claimed']);
    expect(detail.body.casePackage.triggers[0].trigger).toBe('human_request');
    client.close();
    socket.close();
  });
});
