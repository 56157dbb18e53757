import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol-version';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';
import { INVITE_TTL_MS } from '../flows/admin/invites';

// Invites, removal, passwords, allowed origins and webhook signatures through the real app, database and sockets.

let now = Date.now();
let h: Harness;
const SHOP = 'https://shop.example';

beforeEach(async () => {
  now = Date.now();
  h = await startHarness({ clock: { now: () => new Date(now) } });
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { allowedOrigins: [SHOP] } });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a'], role: 'operator' });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@b.test', name: 'Bo', siteIds: ['site-b'], role: 'admin' });
});
afterEach(async () => {
  await h.close();
});

const tokenOf = (inviteUrl: string) => inviteUrl.split('#/invite/')[1]!;
const json = async (path: string, body?: unknown) => {
  const res = await fetch(`${h.baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

describe('invites', () => {
  it('an admin invites; the link shows the site, sets a password once, and the new operator signs in', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const sent = await ana.fetch('/api/sites/site-a/invites', { body: { email: ' Lee@A.test ', role: 'operator' } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ email: 'lee@a.test', role: 'operator', emailed: false });
    expect(sent.body.inviteUrl).toMatch(new RegExp(`^${h.baseUrl}/inbox/#/invite/[\\w-]{43}$`));
    const token = tokenOf(sent.body.inviteUrl);
    // Only the hash is stored: the token appears nowhere in the database.
    expect(JSON.stringify(await h.db.collection('invites').find().toArray())).not.toContain(token);

    expect(await json(`/api/invites/${token}`)).toMatchObject({
      status: 200,
      body: { email: 'lee@a.test', siteName: 'site-a', hasAccount: false },
    });
    expect(await json(`/api/invites/${token}/accept`, { name: 'Lee', password: 'short' })).toMatchObject({ status: 400 });
    expect(await json(`/api/invites/${token}/accept`, { name: 'Lee', password: 'a long enough password' })).toEqual({
      status: 200,
      body: { email: 'lee@a.test' },
    });
    expect(await json(`/api/invites/${token}/accept`, { name: 'Mallory', password: 'another long password' })).toMatchObject({
      status: 410,
      body: { code: 'invite_invalid' },
    });
    expect(await json(`/api/invites/${token}`)).toMatchObject({ status: 410 });

    const lee = await loginOperator(h, 'lee@a.test', 'a long enough password');
    expect((await lee.fetch('/api/sites')).body.sites.map((s: { siteId: string }) => s.siteId)).toEqual(['site-a']);
    const audit = await h.db.collection('audit').find({ siteId: 'site-a', action: 'operator_changed' }).toArray();
    expect(audit.map((a) => a.reasons[0])).toEqual(['invited', 'joined']);
  });

  it('expires after its lifetime', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const token = tokenOf((await ana.fetch('/api/sites/site-a/invites', { body: { email: 'lee@a.test' } })).body.inviteUrl);
    now += INVITE_TTL_MS + 1000;
    expect(await json(`/api/invites/${token}`)).toMatchObject({ status: 410, body: { code: 'invite_invalid' } });
    expect(await json(`/api/invites/${token}/accept`, { name: 'Lee', password: 'a long enough password' })).toMatchObject({ status: 410 });
  });

  it('an existing account joins another site only with its own password, which the invite cannot change', async () => {
    const bo = await loginOperator(h, 'bo@b.test');
    const token = tokenOf((await bo.fetch('/api/sites/site-b/invites', { body: { email: 'sam@a.test' } })).body.inviteUrl);
    expect((await json(`/api/invites/${token}`)).body.hasAccount).toBe(true);
    expect(await json(`/api/invites/${token}/accept`, { password: 'taken over by bo' })).toMatchObject({
      status: 401,
      body: { code: 'invalid_credentials' },
    });
    expect(await json(`/api/invites/${token}/accept`, { password: 'pw' })).toEqual({ status: 200, body: { email: 'sam@a.test' } });
    const sam = await loginOperator(h, 'sam@a.test', 'pw');
    expect((await sam.fetch('/api/sites')).body.sites.map((s: { siteId: string }) => s.siteId).sort()).toEqual(['site-a', 'site-b']);
  });

  it('only an admin of the site invites', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    expect(await sam.fetch('/api/sites/site-a/invites', { body: { email: 'x@a.test' } })).toMatchObject({
      status: 403,
      body: { code: 'forbidden' },
    });
    const bo = await loginOperator(h, 'bo@b.test');
    expect(await bo.fetch('/api/sites/site-a/invites', { body: { email: 'x@a.test' } })).toMatchObject({ status: 404 });
    const ana = await loginOperator(h, 'ana@a.test');
    expect(await ana.fetch('/api/sites/site-a/invites', { body: { email: 'sam@a.test' } })).toMatchObject({
      status: 409,
      body: { code: 'already_exists' },
    });
    expect(await ana.fetch('/api/sites/site-a/invites', { body: { email: 'not an email' } })).toMatchObject({ status: 400 });
  });
});

describe('removing an operator', () => {
  it('cuts their sessions and sockets at once and puts their conversations back in the queue', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    const samSocket = await connectOperator(h, sam);
    const visitor = await visitorSession(h, 'key-a');
    visitor.client.send({ type: 'send_message', clientMessageId: 'm1', text: 'I want to talk to a person' });
    const queued = await visitor.client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
    const conversationId = queued.conversation.conversationId;
    expect((await sam.fetch(`/api/conversations/${conversationId}/claim`, { body: {} })).status).toBe(200);

    const ana = await loginOperator(h, 'ana@a.test');
    expect(await ana.fetch('/api/sites/site-a/operators/op-sam', { method: 'DELETE' })).toEqual({ status: 200, body: { ok: true } });

    expect((await samSocket.waitClosed()).code).toBeGreaterThanOrEqual(1000);
    expect((await sam.fetch('/api/sites')).status).toBe(401);
    await expect(loginOperator(h, 'sam@a.test')).rejects.toThrow(/401/);
    const conversation = await h.db.collection('conversations').findOne({ _id: conversationId as never });
    expect(conversation).toMatchObject({ state: 'queued', owner: null });
    await visitor.client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued' && e.conversation.operator === null);
    expect(await ana.fetch('/api/sites/site-a/operators/op-ana', { method: 'DELETE' })).toMatchObject({ status: 403 });
    visitor.client.close();
  });
});

describe('passwords', () => {
  it('changing one asks for the current one and signs out the other sessions', async () => {
    const first = await loginOperator(h, 'sam@a.test');
    const second = await loginOperator(h, 'sam@a.test');
    expect(
      await second.fetch('/api/me/password', { method: 'PUT', body: { currentPassword: 'wrong', newPassword: 'a brand new password' } }),
    ).toMatchObject({ status: 401 });
    expect(await second.fetch('/api/me/password', { method: 'PUT', body: { currentPassword: 'pw', newPassword: 'short' } })).toMatchObject({
      status: 400,
    });
    expect(
      await second.fetch('/api/me/password', { method: 'PUT', body: { currentPassword: 'pw', newPassword: 'a brand new password' } }),
    ).toEqual({ status: 200, body: { ok: true } });
    expect((await first.fetch('/api/sites')).status).toBe(401);
    expect((await second.fetch('/api/sites')).status).toBe(200);
    await expect(loginOperator(h, 'sam@a.test', 'pw')).rejects.toThrow(/401/);
    await loginOperator(h, 'sam@a.test', 'a brand new password');
  });
});

describe('allowed origins', () => {
  const upgrade = (siteKey: string, origin?: string) =>
    new Promise<{ code: number; reason: string; welcomed: boolean }>((resolve) => {
      const ws = new WebSocket(`${h.wsUrl}/ws/visitor?site=${siteKey}&v=${PROTOCOL_VERSION}`, origin ? { origin } : {});
      let welcomed = false;
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', context: { locale: 'en', timeZone: 'UTC' }, afterSeq: 0 })));
      ws.on('message', (raw) => {
        if (JSON.parse(raw.toString()).type === 'welcome') {
          welcomed = true;
          ws.close(1000);
        }
      });
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), welcomed }));
    });

  it('the visitor socket is refused on the upgrade from a page of another origin, and served from a listed one', async () => {
    expect(await upgrade('key-a', 'https://copycat.example')).toEqual({ code: 4400, reason: 'origin_not_allowed', welcomed: false });
    expect(await upgrade('key-a', SHOP)).toMatchObject({ welcomed: true });
    // A site with no allowed origins is served to no page at all.
    expect(await upgrade('key-b', SHOP)).toEqual({ code: 4400, reason: 'origin_not_allowed', welcomed: false });
  });

  it('the availability check names the problem to a page of another origin', async () => {
    const refused = await fetch(`${h.baseUrl}/api/widget/availability?site=key-a`, { headers: { origin: 'https://copycat.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(await refused.json()).toMatchObject({ code: 'origin_not_allowed', message: expect.stringContaining('https://copycat.example') });
    expect((await fetch(`${h.baseUrl}/api/widget/availability?site=key-a`, { headers: { origin: SHOP } })).status).toBe(200);
  });

  it('admins edit them in the settings; a bad origin is refused at its field', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const { config, configVersion } = (await ana.fetch('/api/sites/site-a/config')).body;
    const bad = await ana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { ...config, allowedOrigins: ['https://shop.example/path'] }, configVersion },
    });
    expect(bad).toMatchObject({ status: 400, body: { issues: [{ path: 'allowedOrigins.0' }] } });
    const saved = await ana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { ...config, allowedOrigins: [SHOP, 'https://copycat.example'] }, configVersion },
    });
    expect(saved.status).toBe(200);
    expect(await upgrade('key-a', 'https://copycat.example')).toMatchObject({ welcomed: true });
  });
});

describe('webhook signatures', () => {
  let receiver: Server;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  beforeEach(async () => {
    received.length = 0;
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    receiver.closeAllConnections();
    await new Promise((r) => receiver.close(r));
  });

  const headersOf = (i: number) =>
    Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((k) => [k, String(received[i]!.headers[k])]));
  const escalate = async (text: string) => {
    const before = received.length;
    const visitor = await visitorSession(h, 'key-c');
    visitor.client.send({ type: 'send_message', clientMessageId: 'm', text });
    await visitor.client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
    for (let i = 0; i < 100 && received.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    visitor.client.close();
    return received.length - 1;
  };

  it('signs the handoff webhook as Standard Webhooks does, with the webhook secret, which rotates on its own', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await seedSite(h, { siteId: 'site-c', siteKey: 'key-c', config: { webhook: { url, events: ['escalated'] } } });
    await seedOperator(h, { operatorId: 'op-cy', email: 'cy@c.test', name: 'Cy', siteIds: ['site-c'], role: 'admin' });
    const cy = await loginOperator(h, 'cy@c.test');
    const first = (await cy.fetch('/api/sites/site-c/secret/rotate?kind=webhook', { body: {} })).body.secret as string;
    const identity = (await cy.fetch('/api/sites/site-c/secret')).body.secret as string;

    const i = await escalate('I want to talk to a person');
    expect(received[i]!.headers['x-baton-event']).toBe('escalated');
    expect(received[i]!.headers['webhook-id']).toBe(received[i]!.headers['x-baton-delivery']);
    expect(new Webhook(first).verify(received[i]!.body, headersOf(i))).toMatchObject({ event: 'escalated' });
    expect(() => new Webhook(Buffer.from(identity).toString('base64')).verify(received[i]!.body, headersOf(i))).toThrow();

    const second = (await cy.fetch('/api/sites/site-c/secret/rotate?kind=webhook', { body: {} })).body.secret as string;
    expect((await cy.fetch('/api/sites/site-c/secret')).body.secret).toBe(identity);
    const j = await escalate('Let me speak to a human please');
    expect(new Webhook(second).verify(received[j]!.body, headersOf(j))).toMatchObject({ event: 'escalated' });
    expect(() => new Webhook(first).verify(received[j]!.body, headersOf(j))).toThrow(/signature/i);
  });
});
