import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQueues } from '../../shared/config/queues';
import { requeueLapsedOffers } from '../flows/handoff/auto-assign';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let hook: Server;
let events: string[];
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

/** The site's handoff webhook: a real HTTP server recording each event it receives. */
async function startHook(): Promise<string> {
  events = [];
  hook = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      events.push(String(req.headers['x-baton-event']));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
}

/** General is automatic with a 30 s offer and only Ana (room for one conversation) as its member. */
beforeEach(async () => {
  offsetMs = 0;
  h = await startHarness({ clock });
  const queues = defaultQueues.map((q) =>
    q.id === 'general' ? { ...q, mode: 'automatic' as const, offerTimeoutSeconds: 30, members: ['op-ana'] } : q,
  );
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { queues, webhook: { url: await startHook() } } });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], capacity: 1 });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo', siteIds: ['site-a'] });
});
afterEach(async () => {
  await h.close();
  await new Promise((r) => hook.close(r));
});

/** A visitor who asked for a person, still connected to hear about their place in the queue. */
async function handOff() {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'request_human', clientMessageId: 'h' });
  const conversationId = (await client.waitFor('message_added')).message.conversationId;
  await client.waitFor('handoff_started');
  return { client, conversationId };
}

/** The offer is made just after the visitor hears of the handoff. */
async function offered(conversationId: string) {
  for (let tries = 0; tries < 50; tries++) {
    const doc = await h.deps.store.conversations.get(conversationId);
    if (doc?.offer) return doc.offer;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${conversationId} was never offered`);
}

const auditOf = async (id: string) =>
  (await h.deps.store.audit.forConversation(id)).map((a) => ({ action: a.action, actor: a.actor, reasons: a.reasons }));
const system = { kind: 'system' };
const ana = { kind: 'operator', operatorId: 'op-ana', name: 'Ana' };

describe('accepting an automatic offer', () => {
  it('audits the acceptance as a claim by the operator and sends the claimed webhook', async () => {
    const { client, conversationId } = await handOff();
    expect((await offered(conversationId)).operatorId).toBe('op-ana');
    const session = await loginOperator(h, 'ana@a.test');
    const accepted = await session.fetch(`/api/conversations/${conversationId}/claim`, { body: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.conversation).toMatchObject({ state: 'owned', owner: { operatorId: 'op-ana' }, offer: null });
    await h.deps.webhooks.idle();
    expect(events).toEqual(['escalated', 'claimed']);
    expect(await auditOf(conversationId)).toEqual([
      { action: 'escalated', actor: { kind: 'visitor' }, reasons: ['human_request'] },
      { action: 'assigned', actor: system, reasons: ['automatic_assignment'] },
      { action: 'claimed', actor: ana, reasons: ['accepted_offer'] },
    ]);
    client.close();
  });

  it('accepts once when a click on Accept and a reply race', async () => {
    const { client, conversationId } = await handOff();
    await offered(conversationId);
    const session = await loginOperator(h, 'ana@a.test');
    const [, reply] = await Promise.all([
      session.fetch(`/api/conversations/${conversationId}/claim`, { body: {} }),
      session.fetch(`/api/conversations/${conversationId}/reply`, { body: { clientMessageId: 'r1', text: 'Hi, Ana here.' } }),
    ]);
    expect(reply.status).toBe(200);
    await h.deps.webhooks.idle();
    expect(events).toEqual(['escalated', 'claimed']);
    expect((await auditOf(conversationId)).filter((a) => a.action === 'claimed')).toEqual([
      { action: 'claimed', actor: ana, reasons: ['accepted_offer'] },
    ]);
    client.close();
  });

  it('shows the offer in the summary every operator receives, with its deadline, and pages only the one offered', async () => {
    const anaSocket = await connectOperator(h, await loginOperator(h, 'ana@a.test'));
    const bo = await connectOperator(h, await loginOperator(h, 'bo@a.test'));
    const { client, conversationId } = await handOff();
    const offer = await bo.waitFor(
      'conversation_updated',
      (e) => e.conversation.conversationId === conversationId && e.conversation.state === 'owned',
    );
    expect(offer.conversation.offer).toEqual({ operatorId: 'op-ana', expiresAt: expect.any(String) });
    const secondsLeft = (Date.parse(offer.conversation.offer!.expiresAt) - clock.now().getTime()) / 1000;
    expect(secondsLeft).toBeGreaterThan(20);
    expect(secondsLeft).toBeLessThanOrEqual(30);
    const page = await anaSocket.waitFor('paged', (e) => e.reason === 'offer');
    expect(page.conversation).toMatchObject({ conversationId, offer: { operatorId: 'op-ana' } });
    // Bo is no member of General: he sees it listed but is paged neither for the handoff nor the offer.
    expect(bo.events.filter((e) => e.type === 'paged')).toEqual([]);
    expect(bo.events.some((e) => e.type === 'handoff_started')).toBe(true);
    anaSocket.close();
    bo.close();
    client.close();
  });
});

describe('an offer that lapses', () => {
  it('tells everyone still waiting their new place even when nobody can take the next offer', async () => {
    const first = await handOff();
    await offered(first.conversationId);
    const second = await handOff();
    await second.client.waitFor('conversation_updated', (e) => e.conversation.position === 1);
    await h.deps.store.operators.setPresence('op-ana', 'away', true, new Date());
    offsetMs = 31_000;
    expect(await requeueLapsedOffers(h.deps)).toBe(1);
    // The first visitor waited longer, so is back ahead of the second one.
    await second.client.waitFor('conversation_updated', (e) => e.conversation.position === 2);
    await first.client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued' && e.conversation.position === 1);
    first.client.close();
    second.client.close();
  });

  it('ends when the offered operator transfers the conversation: the sweeper leaves the new owner alone', async () => {
    const { client, conversationId } = await handOff();
    await offered(conversationId);
    const session = await loginOperator(h, 'ana@a.test');
    const moved = await session.fetch(`/api/conversations/${conversationId}/transfer`, { body: { operatorId: 'op-bo' } });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation).toMatchObject({ owner: { operatorId: 'op-bo' }, offer: null });
    offsetMs = 31_000;
    expect(await requeueLapsedOffers(h.deps)).toBe(0);
    expect((await h.deps.store.conversations.get(conversationId))?.owner?.operatorId).toBe('op-bo');
    client.close();
  });
});
