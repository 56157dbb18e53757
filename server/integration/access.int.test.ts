import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-a', email: 'a@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-b', email: 'b@b.test', name: 'Bo', siteIds: ['site-b'], role: 'admin' });
});
afterEach(() => h.close());

async function queuedConversationOn(siteKey: string): Promise<string> {
  const { client } = await visitorSession(h, siteKey);
  client.send({ type: 'request_human', clientMessageId: 'h' });
  await client.waitFor('handoff_started');
  const id = client.events.find((e) => e.type === 'message_added')!;
  client.close();
  return id.type === 'message_added' ? id.message.conversationId : '';
}

describe('login, sessions and CSRF', () => {
  it('answers a wrong password and an unknown email with the same message', async () => {
    const post = (email: string, password: string) =>
      fetch(`${h.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
    const wrong = await post('a@a.test', 'nope');
    const unknown = await post('ghost@a.test', 'nope');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('sets an httpOnly SameSite=Strict session cookie and revokes it on logout', async () => {
    const res = await fetch(`${h.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'A@A.test', password: 'pw' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Strict/);
    const session = await loginOperator(h, 'a@a.test');
    expect((await session.fetch('/api/auth/session')).status).toBe(200);
    expect((await session.fetch('/api/auth/logout', { body: {} })).status).toBe(200);
    expect((await session.fetch('/api/auth/session')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const id = await queuedConversationOn('key-a');
    const a = await loginOperator(h, 'a@a.test');
    const noToken = await a.fetch(`/api/conversations/${id}/claim`, { body: {}, csrf: null });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('csrf_failed');
    const wrongToken = await a.fetch(`/api/conversations/${id}/claim`, { body: {}, csrf: 'forged' });
    expect(wrongToken.status).toBe(403);
    expect((await h.deps.store.conversations.get(id))?.state).toBe('queued');
  });

  it('rate-limits repeated login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${h.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'a@a.test', password: 'x' }),
      });
      statuses.push(r.status);
    }
    // Five wrong passwords, then the account's lock-out (429), and the address limit after ten.
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
  });
});

describe('tenant isolation', () => {
  it('hides another site’s conversation from reading and acting, id guessing included', async () => {
    const id = await queuedConversationOn('key-a');
    const b = await loginOperator(h, 'b@b.test');
    for (const path of [`/api/conversations/${id}`, `/api/conversations/${id}/audit`]) {
      expect(await b.fetch(path)).toEqual({ status: 404, body: { code: 'not_found', message: 'No conversation with that id.' } });
    }
    for (const action of ['claim', 'barge-in', 'resolve', 'return-to-bot']) {
      expect((await b.fetch(`/api/conversations/${id}/${action}`, { body: {} })).status).toBe(404);
    }
    expect((await b.fetch(`/api/conversations/${id}/reply`, { body: { clientMessageId: 'z', text: 'hi' } })).status).toBe(404);
    expect((await b.fetch(`/api/conversations/does-not-exist`)).status).toBe(404);
    const lists = await b.fetch('/api/conversations?view=live');
    expect(lists.body.conversations).toEqual([]);
    expect((await b.fetch('/api/sites/site-a/config')).status).toBe(404);
    expect((await b.fetch('/api/sites/site-a/config', { method: 'PUT', body: { config: {}, configVersion: 1 } })).status).toBe(404);
    expect((await h.deps.store.conversations.get(id))?.state).toBe('queued');
  });

  it('lets an operator of several sites switch the inbox to one of them, and not to a site of someone else', async () => {
    await seedOperator(h, { operatorId: 'op-m', email: 'm@ab.test', name: 'Mo', siteIds: ['site-a', 'site-b'] });
    const onA = await queuedConversationOn('key-a');
    const onB = await queuedConversationOn('key-b');
    const mo = await loginOperator(h, 'm@ab.test');
    const ids = (body: { conversations: { conversationId: string }[] }) => body.conversations.map((c) => c.conversationId).sort();
    expect(ids((await mo.fetch('/api/conversations?view=awaiting')).body)).toEqual([onA, onB].sort());
    const justA = await mo.fetch('/api/conversations?view=awaiting&site=site-a');
    expect(ids(justA.body)).toEqual([onA]);
    expect(justA.body.counts.awaiting).toBe(1);
    expect(ids((await mo.fetch('/api/conversations?view=awaiting&site=site-b')).body)).toEqual([onB]);
    const a = await loginOperator(h, 'a@a.test');
    expect((await a.fetch('/api/conversations?view=awaiting&site=site-b')).status).toBe(404);
  });

  it('sends an operator socket only its own sites’ events', async () => {
    const b = await loginOperator(h, 'b@b.test');
    const socket = await connectOperator(h, b);
    const siteAObserver = await connectOperator(h, await loginOperator(h, 'a@a.test'));
    const queued = await queuedConversationOn('key-a');
    // Site A's inbox has the handoff, so it has been sent to every socket that was to get it.
    await siteAObserver.waitFor('handoff_started', (e) => e.conversation.conversationId === queued);
    expect((await socket.eventsBeforePong()).filter((e) => e.type !== 'welcome' && e.type !== 'presence_updated')).toEqual([]);
    siteAObserver.close();
    const siteAConversation = await queuedConversationOn('key-a');
    socket.send({ type: 'typing', conversationId: siteAConversation, isTyping: true });
    expect((await socket.waitFor('error')).code).toBe('not_found');
    socket.close();
  });

  it('refuses transfers into or out of another site exactly like a missing id', async () => {
    const id = await queuedConversationOn('key-a');
    const a = await loginOperator(h, 'a@a.test');
    const b = await loginOperator(h, 'b@b.test');
    const missing = await b.fetch('/api/conversations/does-not-exist/transfer', { body: { queue: 'general' } });
    expect(missing.status).toBe(404);
    expect(await b.fetch(`/api/conversations/${id}/transfer`, { body: { queue: 'general' } })).toEqual(missing);
    expect((await a.fetch(`/api/conversations/${id}/claim`, { body: {} })).status).toBe(200);
    const toGhost = await a.fetch(`/api/conversations/${id}/transfer`, { body: { operatorId: 'op-ghost' } });
    expect(toGhost.status).toBe(404);
    expect(await a.fetch(`/api/conversations/${id}/transfer`, { body: { operatorId: 'op-b' } })).toEqual(toGhost);
    expect((await h.deps.store.conversations.get(id))?.owner?.operatorId).toBe('op-a');
  });

  it('refuses correcting another site’s intent exactly like a missing id', async () => {
    const id = await queuedConversationOn('key-a');
    const b = await loginOperator(h, 'b@b.test');
    const missing = await b.fetch('/api/conversations/does-not-exist/intent', { body: { intent: 'billing' } });
    expect(missing.status).toBe(404);
    expect(await b.fetch(`/api/conversations/${id}/intent`, { body: { intent: 'billing' } })).toEqual(missing);
    const audit = await h.deps.store.audit.forConversation(id);
    expect(audit.map((entry) => entry.action)).toEqual(['escalated']);
  });

  it('refuses marking another site’s callback done exactly like a missing id', async () => {
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    await client.waitFor('handoff_started');
    client.send({ type: 'request_callback', clientMessageId: 'cb', contact: { kind: 'email', value: 'v@a.test' } });
    await client.waitFor('callback_confirmed');
    client.close();
    const a = await loginOperator(h, 'a@a.test');
    const [callback] = (await a.fetch('/api/callbacks')).body.callbacks;
    const b = await loginOperator(h, 'b@b.test');
    expect((await b.fetch('/api/callbacks')).body.callbacks).toEqual([]);
    const missing = await b.fetch('/api/callbacks/does-not-exist/done', { body: {} });
    expect(missing.status).toBe(404);
    expect(await b.fetch(`/api/callbacks/${callback.callbackId}/done`, { body: {} })).toEqual(missing);
    expect((await h.deps.store.callbacks.get(callback.callbackId))?.status).toBe('pending');
  });

  it('hides another site’s operators exactly like a missing site', async () => {
    const b = await loginOperator(h, 'b@b.test');
    const missing = await b.fetch('/api/sites/site-nowhere/operators');
    expect(missing.status).toBe(404);
    expect(await b.fetch('/api/sites/site-a/operators')).toEqual(missing);
    expect((await b.fetch('/api/sites/site-b/operators')).body.operators.map((o: { operatorId: string }) => o.operatorId)).toEqual([
      'op-b',
    ]);
  });

  it('lets a visitor see only their own conversation', async () => {
    const first = await visitorSession(h, 'key-a');
    first.client.send({ type: 'send_message', clientMessageId: 'p', text: 'my private order 48213' });
    await first.client.waitFor('message_added');
    const second = await visitorSession(h, 'key-a');
    expect(second.welcome.conversation).toBeNull();
    expect(second.welcome.messages).toEqual([]);
    const forged = await visitorSession(h, 'key-a', { token: 'forged-token-that-does-not-exist' });
    expect(forged.welcome.visitorToken).not.toBe('forged-token-that-does-not-exist');
    expect(forged.welcome.messages).toEqual([]);
    first.client.close();
    second.client.close();
    forged.client.close();
  });
});
