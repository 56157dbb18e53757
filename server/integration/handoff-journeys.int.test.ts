import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInactiveConversations } from '../jobs/inactivity';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let slowBot: Server | null = null;

beforeEach(async () => {
  h = await startHarness();
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
});
afterEach(async () => {
  await h.close();
  await new Promise((r) => (slowBot ? slowBot.close(r) : r(null)));
  slowBot = null;
});

/** A site bot behind a real HTTP webhook that answers after `delayMs`. */
async function startSlowBot(delayMs: number): Promise<string> {
  slowBot = createServer((req, res) => {
    req.resume();
    setTimeout(() => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ reply: 'Here is what I found.', confidence: 0.9, intent: 'question', facts: {} }));
    }, delayMs);
  });
  await new Promise<void>((r) => slowBot!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(slowBot.address() as AddressInfo).port}/bot`;
}

describe('handoff journeys on the real server', () => {
  it('discards a bot reply that was in flight when an operator barged in', async () => {
    const url = await startSlowBot(1500);
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { bot: { kind: 'webhook', url, timeoutMs: 5000 } } });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'What colours does the Aurora lamp come in?' });
    const mine = await client.waitFor('message_added');
    const ana = await loginOperator(h, 'ana@a.test');
    const barge = await ana.fetch(`/api/conversations/${mine.message.conversationId}/barge-in`, { body: {} });
    expect(barge.status).toBe(200);
    await client.waitFor('operator_joined');
    await new Promise((r) => setTimeout(r, 2000));
    const botMessages = await h.db
      .collection('messages')
      .countDocuments({ conversationId: mine.message.conversationId, 'sender.kind': 'bot' });
    expect(botMessages).toBe(0);
    expect(client.events.some((e) => e.type === 'message_added' && e.message.sender.kind === 'bot')).toBe(false);
    client.close();
  });

  it('hands off on a bot tool failure instead of inventing an answer', async () => {
    await seedSite(h, {
      siteId: 'site-a',
      siteKey: 'key-a',
      config: { bot: { kind: 'webhook', url: 'http://127.0.0.1:9/unreachable', timeoutMs: 500 } },
    });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'q', text: 'Where is my parcel?' });
    await client.waitFor('handoff_started');
    const conversation = await h.deps.store.conversations.latestForVisitor(
      (await h.db.collection('visitors').findOne({}))!._id as unknown as string,
    );
    expect(conversation?.triggers[0]).toBe('tool_failure');
    expect(client.events.some((e) => e.type === 'message_added' && e.message.sender.kind === 'bot')).toBe(false);
    client.close();
  });

  it('offers a callback outside hours, books it, and lists it for operators with an audit trail', async () => {
    // A queue closed now whatever the day the test runs (Mondays only, and a one-off closure around now,
    // without which this failed on Mondays 09:00-17:00 New York): the handoff is outside hours.
    const closedNow = [{ start: new Date(Date.now() - 3_600_000).toISOString(), end: new Date(Date.now() + 86_400_000).toISOString() }];
    await seedSite(h, {
      siteId: 'site-a',
      siteKey: 'key-a',
      config: { hours: { timeZone: 'America/New_York', weekly: { mon: [{ start: '09:00', end: '17:00' }] }, closures: closedNow } },
    });
    const { client } = await visitorSession(h, 'key-a', { context: { timeZone: 'Asia/Tokyo', locale: 'en' } });
    client.send({ type: 'request_human', clientMessageId: 'h' });
    const view = await client.waitFor('conversation_updated', (e) => e.conversation.callbackOffer !== null);
    const offer = view.conversation.callbackOffer!;
    expect(offer.siteTimeZone).toBe('America/New_York');
    expect(offer.slots.length).toBeGreaterThan(0);
    const slot = offer.slots[0]!;
    expect(new Date(slot.start).toLocaleString('en-US', { timeZone: 'America/New_York', weekday: 'short' })).toMatch(/Mon/);
    expect(view.conversation.estimate).toEqual({ kind: 'unknown', reason: 'closed' });

    client.send({
      type: 'request_callback',
      clientMessageId: 'cb',
      slot: { start: '2020-01-01T00:00:00.000Z', end: '2020-01-01T00:30:00.000Z' },
      contact: { kind: 'phone', value: '+1 555 0100' },
    });
    expect((await client.waitFor('error')).code).toBe('callback_slot_unavailable');
    client.send({ type: 'request_callback', clientMessageId: 'cb2', slot, contact: { kind: 'email', value: 'not-an-email' } });
    expect((await client.waitFor('error', (e) => e.clientMessageId === 'cb2')).code).toBe('invalid_frame');
    client.send({
      type: 'request_callback',
      clientMessageId: 'cb3',
      slot,
      contact: { kind: 'phone', value: '+1 555 0100' },
      note: 'after lunch',
    });
    await client.waitFor('callback_confirmed');
    const booked = await client.waitFor('conversation_updated', (e) => e.conversation.state === 'callback_requested');
    expect(booked.conversation.callbackBooked).toEqual({ slot, contactKind: 'phone' });

    const ana = await loginOperator(h, 'ana@a.test');
    const list = await ana.fetch('/api/callbacks');
    expect(list.body.callbacks).toHaveLength(1);
    expect(list.body.callbacks[0]).toMatchObject({
      slot,
      contact: { kind: 'phone', value: '+1 555 0100' },
      note: 'after lunch',
      visitorTimeZone: 'Asia/Tokyo',
      status: 'pending',
    });
    const done = await ana.fetch(`/api/callbacks/${list.body.callbacks[0].callbackId}/done`, { body: {} });
    expect(done.body.callback.status).toBe('done');
    const audit = await ana.fetch(`/api/conversations/${list.body.callbacks[0].conversationId}/audit`);
    expect(audit.body.audit.map((a: { action: string }) => a.action)).toEqual(['escalated', 'callback_requested', 'callback_done']);
    client.close();
  });

  it('trusts VIP tags only from a verified identity', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', secret: 's3cret' });
    const forged = await visitorSession(h, 'key-a');
    forged.client.send({ type: 'identify', identity: { id: 'u1', name: 'Eve', tags: ['vip'], userHash: 'deadbeef' } });
    expect((await forged.client.waitFor('identity_checked')).verified).toBe(false);
    forged.client.send({ type: 'send_message', clientMessageId: 'm', text: 'Are you a bot?' });
    await forged.client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(forged.client.events.some((e) => e.type === 'handoff_started')).toBe(false);

    const real = await visitorSession(h, 'key-a');
    const userHash = createHmac('sha256', 's3cret').update('u2').digest('hex');
    real.client.send({ type: 'identify', identity: { id: 'u2', name: 'Vera', tags: ['vip'], userHash } });
    expect((await real.client.waitFor('identity_checked')).verified).toBe(true);
    real.client.send({ type: 'send_message', clientMessageId: 'm', text: 'Are you a bot?' });
    await real.client.waitFor('handoff_started');
    const conversation = (await h.db.collection('conversations').findOne({ visitorName: 'Vera' }))!;
    expect(conversation.queue).toBe('vip');
    expect(conversation.triggers).toContain('customer_tag');
    forged.client.close();
    real.client.close();
  });

  it('returns a conversation to the bot, resolves it and stores the visitor’s rating', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    const id = (await client.waitFor('message_added')).message.conversationId;
    const ana = await loginOperator(h, 'ana@a.test');
    const socket = await connectOperator(h, ana);
    await ana.fetch(`/api/conversations/${id}/claim`, { body: {} });
    socket.send({ type: 'typing', conversationId: id, isTyping: true });
    expect((await client.waitFor('operator_typing')).isTyping).toBe(true);
    client.send({ type: 'typing', isTyping: true });
    expect((await socket.waitFor('visitor_typing')).conversationId).toBe(id);
    expect((await ana.fetch(`/api/conversations/${id}/return-to-bot`, { body: { note: 'answered the question' } })).status).toBe(200);
    await client.waitFor('returned_to_bot');
    await client.waitFor('conversation_updated', (e) => e.conversation.state === 'bot');
    expect((await ana.fetch(`/api/conversations/${id}/resolve`, { body: {} })).status).toBe(200);
    await client.waitFor('conversation_resolved');
    client.send({ type: 'rate', score: 5, comment: 'Quick and kind' });
    // The visitor is told the rating is stored (the widget thanks them only then).
    await client.waitFor('conversation_updated', (e) => e.conversation.rated);
    // The operators hear it too: an open conversation view shows the rating without a reload.
    const rated = await socket.waitFor('conversation_updated', (e) => e.conversation.lastRating != null);
    expect(rated.conversation).toMatchObject({
      conversationId: id,
      state: 'resolved',
      lastRating: { score: 5, comment: 'Quick and kind' },
    });
    const stored = await h.deps.store.conversations.get(id);
    expect(stored?.rating).toMatchObject({ score: 5, comment: 'Quick and kind' });
    const audit = await h.deps.store.audit.forConversation(id);
    expect(audit.map((a) => [a.action, a.actor.kind, a.note])).toEqual([
      ['escalated', 'visitor', null],
      ['claimed', 'operator', null],
      ['returned_to_bot', 'operator', 'answered the question'],
      ['resolved', 'operator', null],
    ]);
    client.close();
    socket.close();
  });

  it('posts signed handoff events to the site’s webhook', async () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    slowBot = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => slowBot!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(slowBot.address() as AddressInfo).port}/hook`;
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', secret: 'hook-secret', config: { webhook: { url } } });
    const { client } = await visitorSession(h, 'key-a');
    client.send({
      type: 'send_message',
      clientMessageId: 'r',
      text: 'I want a refund for order 48213, it arrived broken. My email is ana@example.com',
    });
    await client.waitFor('handoff_started');
    const id = (await client.waitFor('message_added')).message.conversationId;
    const ana = await loginOperator(h, 'ana@a.test');
    await ana.fetch(`/api/conversations/${id}/claim`, { body: {} });
    await h.deps.webhooks.idle();
    expect(received.map((r) => r.headers['x-baton-event'])).toEqual(['escalated', 'claimed']);
    for (const r of received) {
      // Standard Webhooks: v1,base64 HMAC-SHA256 of "id.timestamp.body" (a site stored without a webhook secret signs with its secret's bytes).
      const [messageId, ts] = [r.headers['webhook-id'] as string, r.headers['webhook-timestamp'] as string];
      const expected = `v1,${createHmac('sha256', 'hook-secret').update(`${messageId}.${ts}.${r.body}`).digest('base64')}`;
      expect(r.headers['webhook-signature']).toBe(expected);
      expect(messageId).toBe(r.headers['x-baton-delivery']);
      expect(JSON.parse(r.body)).toMatchObject({ conversationId: id, siteId: 'site-a', queue: 'billing' });
    }
    expect(new Set(received.map((r) => r.headers['x-baton-delivery'])).size).toBe(2);
    client.close();
  });

  it('applies a settings change to the next message and audits it', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    const ana = await loginOperator(h, 'ana@a.test');
    const current = await ana.fetch('/api/sites/site-a/config');
    const bad = await ana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: {
        config: { ...current.body.config, inactivity: { botMinutes: -1, humanMinutes: 5 } },
        configVersion: current.body.configVersion,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('inactivity.botMinutes');
    const config = structuredClone(current.body.config);
    config.triggers.policy_topic.topics.push({
      id: 'warranty',
      label: 'your warranty',
      keywords: ['warranty'],
      queue: 'technical',
      urgency: 'normal',
      unless: [],
    });
    const saved = await ana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config, configVersion: current.body.configVersion },
    });
    expect(saved.status).toBe(200);
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'send_message', clientMessageId: 'w', text: 'Is my lamp still under warranty?' });
    const handoff = await client.waitFor('handoff_started');
    expect(handoff.topic).toBe('your warranty');
    const audit = await h.db.collection('audit').findOne({ action: 'config_changed' });
    expect(audit?.reasons).toContain('triggers');
    client.close();
  });
});

describe('inactivity', () => {
  it('resolves idle conversations after the site’s limits, with a notice and an audit entry', async () => {
    let offsetMs = 0;
    await h.close();
    h = await startHarness({ clock: { now: () => new Date(Date.now() + offsetMs) } });
    await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { inactivity: { botMinutes: 10, humanMinutes: 30 } } });
    const botHeld = await visitorSession(h, 'key-a');
    botHeld.client.send({ type: 'send_message', clientMessageId: 'a', text: 'Are you a bot?' });
    const botId = (await botHeld.client.waitFor('message_added')).message.conversationId;
    const humanHeld = await visitorSession(h, 'key-a');
    humanHeld.client.send({ type: 'request_human', clientMessageId: 'h' });
    const humanId = (await humanHeld.client.waitFor('message_added')).message.conversationId;
    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch(`/api/conversations/${humanId}/claim`, { body: {} })).status).toBe(200);

    offsetMs = 11 * 60_000;
    expect(await resolveInactiveConversations(h.deps)).toBe(1);
    await botHeld.client.waitFor('conversation_resolved');
    expect((await h.deps.store.conversations.get(humanId))?.state).toBe('owned');

    offsetMs = 31 * 60_000;
    expect(await resolveInactiveConversations(h.deps)).toBe(1);
    await humanHeld.client.waitFor('conversation_resolved');
    const audit = await h.deps.store.audit.forConversation(botId);
    expect(audit.at(-1)).toMatchObject({ action: 'resolved', actor: { kind: 'system' }, reasons: ['inactivity'] });
    expect(botHeld.client.events.some((e) => e.type === 'message_added' && e.message.sender.kind === 'system')).toBe(true);
    botHeld.client.close();
    humanHeld.client.close();
  });
});

describe('presence', () => {
  it('brings an operator back online when the inbox reopens, unless they chose away', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    const ana = await loginOperator(h, 'ana@a.test');
    await h.deps.store.operators.setPresence('op-ana', 'away', false, new Date());
    const first = await connectOperator(h, ana);
    await first.waitFor('presence_updated', (e) => e.presence === 'online');
    expect((await h.deps.store.operators.get('op-ana'))?.presence).toBe('online');
    first.send({ type: 'set_presence', presence: 'away' });
    await first.waitFor('presence_updated', (e) => e.presence === 'away');
    first.close();
    const second = await connectOperator(h, ana);
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.deps.store.operators.get('op-ana'))?.presence).toBe('away');
    second.close();
  });
});
