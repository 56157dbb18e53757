import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperatorEvent } from '../../shared/operator-protocol';
import { PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/protocol-version';
import { hashSessionId } from '../security/token-hash';
import { connectOperator, loginOperator, type OperatorSession, SocketClient, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

/** Ana works on sites A and B; Cy, on site B only, observes what site B's inboxes are sent. */
async function start(options: { operatorSessionCheckMs?: number } = {}) {
  h = await startHarness(options);
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-a', email: 'a@a.test', name: 'Ana', siteIds: ['site-a', 'site-b'] });
  await seedOperator(h, { operatorId: 'op-c', email: 'c@b.test', name: 'Cy', siteIds: ['site-b'] });
}
afterEach(() => h.close());

const takeSiteBFromAna = () => seedOperator(h, { operatorId: 'op-a', email: 'a@a.test', name: 'Ana', siteIds: ['site-a'] });

const signedOut = { code: PROTOCOL_CLOSE_CODE, reason: 'unauthenticated' };

/** A visitor waiting on `siteKey` whose conversation the operator claimed; the visitor stays connected. */
async function claimedBy(session: OperatorSession, siteKey = 'key-a') {
  const { client } = await visitorSession(h, siteKey);
  client.send({ type: 'request_human', clientMessageId: 'h' });
  const started = await client.waitFor('message_added');
  await client.waitFor('handoff_started');
  const conversationId = started.message.conversationId;
  expect((await session.fetch(`/api/conversations/${conversationId}/claim`, { body: {} })).status).toBe(200);
  await client.waitFor('operator_joined');
  return { visitor: client, conversationId };
}

async function revokeDirectly(session: OperatorSession) {
  await h.deps.store.sessions.revoke(hashSessionId(session.cookie.split('=')[1]!), new Date());
}

function openOperatorSocket(headers: Record<string, string>) {
  return new SocketClient(new WebSocket(`${h.wsUrl}/ws/operator?v=${PROTOCOL_VERSION}`, { headers }), (d) => OperatorEvent.parse(d));
}

type OperatorClient = Awaited<ReturnType<typeof connectOperator>>;

/**
 * Whether a new handoff on site B reaches `socket`. Cy's socket receiving it proves the server
 * has sent it to site B's sockets; the ping barrier then collects what `socket` got before.
 */
async function siteBHandoffReaches(socket: OperatorClient, observer: OperatorClient): Promise<boolean> {
  const { client } = await visitorSession(h, 'key-b');
  client.send({ type: 'request_human', clientMessageId: 'h' });
  const conversationId = (await client.waitFor('message_added')).message.conversationId;
  await observer.waitFor('handoff_started', (e) => e.conversation.conversationId === conversationId);
  const received = await socket.eventsBeforePong();
  client.close();
  return received.some((e) => e.type === 'handoff_started' && e.conversation.conversationId === conversationId);
}

describe('operator sockets follow their session', () => {
  beforeEach(() => start());

  it('closes the open socket on logout, and the cookie opens nothing afterwards', async () => {
    const a = await loginOperator(h, 'a@a.test');
    const socket = await connectOperator(h, a);
    expect((await a.fetch('/api/auth/logout', { body: {} })).status).toBe(200);
    expect(await socket.waitClosed()).toEqual(signedOut);
    expect((await a.fetch('/api/auth/session')).status).toBe(401);
    const again = openOperatorSocket({ cookie: a.cookie });
    expect(await again.waitClosed()).toEqual(signedOut);
    expect(again.events).toEqual([]);
  });

  it('keeps the operator’s other sessions open when one of them logs out', async () => {
    const laptop = await loginOperator(h, 'a@a.test');
    const phone = await loginOperator(h, 'a@a.test');
    const laptopSocket = await connectOperator(h, laptop);
    const phoneSocket = await connectOperator(h, phone);
    await laptop.fetch('/api/auth/logout', { body: {} });
    expect(await laptopSocket.waitClosed()).toEqual(signedOut);
    phoneSocket.send({ type: 'ping', nonce: 7 });
    expect((await phoneSocket.waitFor('pong')).nonce).toBe(7);
    expect(phoneSocket.closed).toBeNull();
    phoneSocket.close();
  });

  it('does not relay typing from a socket whose session was revoked elsewhere', async () => {
    const a = await loginOperator(h, 'a@a.test');
    const socket = await connectOperator(h, a);
    const { visitor, conversationId } = await claimedBy(a);
    socket.send({ type: 'typing', conversationId, isTyping: true });
    await visitor.waitFor('operator_typing', (e) => e.isTyping);
    await revokeDirectly(a);
    socket.send({ type: 'typing', conversationId, isTyping: false });
    expect(await socket.waitClosed()).toEqual(signedOut);
    expect(visitor.events.filter((e) => e.type === 'operator_typing')).toEqual([{ type: 'operator_typing', isTyping: true }]);
    visitor.close();
  });

  it('lets the operator’s current sites govern a socket opened before a site was taken away', async () => {
    const a = await loginOperator(h, 'a@a.test');
    const socket = await connectOperator(h, a);
    const observer = await connectOperator(h, await loginOperator(h, 'c@b.test'));
    const { visitor, conversationId } = await claimedBy(a, 'key-b');
    await takeSiteBFromAna();
    socket.send({ type: 'typing', conversationId, isTyping: true });
    expect((await socket.waitFor('error')).code).toBe('not_found');
    expect(visitor.events.some((e) => e.type === 'operator_typing')).toBe(false);
    expect(await siteBHandoffReaches(socket, observer)).toBe(false);
    for (const c of [socket, observer, visitor]) c.close();
  });
});

describe('idle operator sockets, at each session check', () => {
  beforeEach(() => start({ operatorSessionCheckMs: 100 }));

  it('closes an idle socket once its session is revoked', async () => {
    const a = await loginOperator(h, 'a@a.test');
    const socket = await connectOperator(h, a);
    await revokeDirectly(a);
    expect(await socket.waitClosed()).toEqual(signedOut);
  });

  it('stops sending a site’s events to an idle socket once the site is taken away, with no command sent', async () => {
    const socket = await connectOperator(h, await loginOperator(h, 'a@a.test'));
    const observer = await connectOperator(h, await loginOperator(h, 'c@b.test'));
    expect(await siteBHandoffReaches(socket, observer)).toBe(true);
    await takeSiteBFromAna();
    const deadline = Date.now() + 5000;
    while (await siteBHandoffReaches(socket, observer)) {
      if (Date.now() > deadline) throw new Error('site B’s handoffs still reach Ana 5 s after it was taken away');
    }
    expect(await siteBHandoffReaches(socket, observer)).toBe(false);
    expect(socket.closed).toBeNull();
    for (const c of [socket, observer]) c.close();
  });
});

describe('operator socket origin', () => {
  beforeEach(() => start());

  it('refuses an opaque or unparsable Origin as cross-origin, without a server error', async () => {
    const a = await loginOperator(h, 'a@a.test');
    for (const origin of ['null', 'not a url', 'http://evil.test']) {
      const socket = openOperatorSocket({ cookie: a.cookie, origin });
      expect(await socket.waitClosed()).toEqual(signedOut);
      expect(socket.events).toEqual([]);
    }
    const sameOrigin = openOperatorSocket({ cookie: a.cookie, origin: h.baseUrl });
    expect((await sameOrigin.waitFor('welcome')).operator.operatorId).toBe('op-a');
    sameOrigin.close();
  });

  it('answers a socket request without a protocol version with a 400, not a server error', async () => {
    const a = await loginOperator(h, 'a@a.test');
    const res = await fetch(`${h.baseUrl}/ws/operator`, { headers: { cookie: a.cookie } });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_request');
  });
});
