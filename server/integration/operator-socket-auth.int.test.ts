import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperatorEvent } from '../../shared/operator-protocol';
import { PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/protocol-version';
import { hashSessionId } from '../flows/operator-session';
import { connectOperator, loginOperator, type OperatorSession, SocketClient, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-a', email: 'a@a.test', name: 'Ana', siteIds: ['site-a', 'site-b'] });
});
afterEach(() => h.close());

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

describe('operator sockets follow their session', () => {
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

  it('closes an idle socket at the next session check once the session is revoked', { timeout: 20_000 }, async () => {
    const a = await loginOperator(h, 'a@a.test');
    const socket = await connectOperator(h, a);
    await revokeDirectly(a);
    expect(await socket.waitClosed(15_000)).toEqual(signedOut);
  });

  it('lets the operator’s current sites govern a socket opened before a site was taken away', async () => {
    const a = await loginOperator(h, 'a@a.test');
    const socket = await connectOperator(h, a);
    const { visitor, conversationId } = await claimedBy(a, 'key-b');
    await seedOperator(h, { operatorId: 'op-a', email: 'a@a.test', name: 'Ana', siteIds: ['site-a'] });
    socket.send({ type: 'typing', conversationId, isTyping: true });
    expect((await socket.waitFor('error')).code).toBe('not_found');
    expect(visitor.events.some((e) => e.type === 'operator_typing')).toBe(false);
    const seen = socket.events.length;
    const other = await visitorSession(h, 'key-b');
    other.client.send({ type: 'request_human', clientMessageId: 'h' });
    await other.client.waitFor('handoff_started');
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.events.slice(seen).filter((e) => e.type !== 'presence_updated')).toEqual([]);
    for (const c of [socket, visitor, other.client]) c.close();
  });
});

describe('operator socket origin', () => {
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
