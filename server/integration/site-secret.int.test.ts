import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteSecretResponse } from '../../shared/http';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';
import { verifyWebhookSignature } from '../security/signing';

const OLD = 'old-secret-of-site-a';
let h: Harness;
let siteBot: Server | null = null;
const botRequests: { headers: IncomingHttpHeaders; body: string }[] = [];

/** The site's own bot behind a real HTTP webhook, recording what Baton sent it. */
async function startSiteBot(): Promise<string> {
  siteBot = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      botRequests.push({ headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ reply: 'We open at nine.', confidence: 0.95 }));
    });
  });
  await new Promise<void>((r) => siteBot!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(siteBot.address() as AddressInfo).port}/bot`;
}

beforeEach(async () => {
  h = await startHarness();
  botRequests.length = 0;
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    secret: OLD,
    config: { bot: { kind: 'webhook', url: await startSiteBot(), timeoutMs: 4000 } },
  });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b', secret: 'secret-of-site-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a'], role: 'operator' });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@b.test', name: 'Bo', siteIds: ['site-b'], role: 'admin' });
});
afterEach(async () => {
  await h.close();
  siteBot?.closeAllConnections();
  await new Promise((r) => (siteBot ? siteBot.close(r) : r(null)));
  siteBot = null;
});

const storedSecret = async (siteId = 'site-a') => (await h.deps.store.sites.get(siteId))?.secret;
const notFound = { code: 'not_found', message: 'Nothing was found with that id.' };

describe('revealing the site secret', () => {
  it('shows an admin their site’s secret, never cached', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await fetch(`${h.baseUrl}/api/sites/site-a/secret`, { headers: { cookie: ana.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(SiteSecretResponse.parse(await res.json())).toEqual({ secret: OLD });
  });

  it('refuses a plain operator of the site, reading and rotating, and changes nothing', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    expect(await sam.fetch('/api/sites/site-a/secret')).toEqual({
      status: 403,
      body: { code: 'forbidden', message: "Only admins can see the site's identity secret." },
    });
    expect(await sam.fetch('/api/sites/site-a/secret/rotate', { body: {} })).toEqual({
      status: 403,
      body: { code: 'forbidden', message: "Only admins can rotate the site's identity secret." },
    });
    expect(await storedSecret()).toBe(OLD);
  });

  it('answers another site’s admin as if the site did not exist', async () => {
    const bo = await loginOperator(h, 'bo@b.test');
    expect(await bo.fetch('/api/sites/site-a/secret')).toEqual({ status: 404, body: notFound });
    expect(await bo.fetch('/api/sites/site-a/secret/rotate', { body: {} })).toEqual({ status: 404, body: notFound });
    expect(await storedSecret()).toBe(OLD);
    expect((await bo.fetch('/api/sites/site-b/secret')).body).toEqual({ secret: 'secret-of-site-b' });
  });
});

describe('rotating the site secret', () => {
  it('stores a new random secret, returns it once, and audits the change without the secret', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const rotated = await ana.fetch('/api/sites/site-a/secret/rotate', { body: {} });
    expect(rotated.status).toBe(200);
    const { secret } = SiteSecretResponse.parse(rotated.body);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedSecret()).toBe(secret);
    expect((await ana.fetch('/api/sites/site-a/secret')).body).toEqual({ secret });
    expect(await storedSecret('site-b')).toBe('secret-of-site-b');

    const again = SiteSecretResponse.parse((await ana.fetch('/api/sites/site-a/secret/rotate', { body: {} })).body);
    expect(again.secret).not.toBe(secret);

    const audit = await h.db.collection('audit').find({ siteId: 'site-a', action: 'config_changed' }).toArray();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      conversationId: null,
      reasons: ['secret'],
      actor: { kind: 'operator', operatorId: 'op-ana', name: 'Ana' },
    });
    expect(JSON.stringify(audit)).not.toContain(secret);
    // The config itself did not change: an admin's open settings page can still save.
    expect((await h.deps.store.sites.get('site-a'))?.configVersion).toBe(1);
  });

  it('needs the CSRF token', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/secret/rotate', { body: {}, csrf: null });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_failed');
    expect(await storedSecret()).toBe(OLD);
  });

  it('verifies identities with the new identity secret from the next message on; bot requests keep the webhook secret until it is rotated', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const hashWith = (secret: string, id: string) => createHmac('sha256', secret).update(id).digest('hex');
    const before = await visitorSession(h, 'key-a');
    before.client.send({ type: 'send_message', clientMessageId: 'q1', text: 'When do you open?' });
    await before.client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    expect(verifyWebhookSignature(OLD, ts(0), botRequests[0]!.body, sig(0), Date.now())).toBe(true);

    const { secret } = SiteSecretResponse.parse((await ana.fetch('/api/sites/site-a/secret/rotate', { body: {} })).body);

    const stale = await visitorSession(h, 'key-a');
    stale.client.send({ type: 'identify', identity: { id: 'u1', name: 'Vera', userHash: hashWith(OLD, 'u1') } });
    expect((await stale.client.waitFor('identity_checked')).verified).toBe(false);
    const fresh = await visitorSession(h, 'key-a');
    fresh.client.send({ type: 'identify', identity: { id: 'u2', name: 'Vera', userHash: hashWith(secret, 'u2') } });
    expect((await fresh.client.waitFor('identity_checked')).verified).toBe(true);

    fresh.client.send({ type: 'send_message', clientMessageId: 'q2', text: 'When do you open?' });
    await fresh.client.waitFor('message_added', (e) => e.message.sender.kind === 'bot');
    // Separate secrets: rotating the identity secret left the signing of outgoing requests alone.
    expect(verifyWebhookSignature(OLD, ts(1), botRequests[1]!.body, sig(1), Date.now())).toBe(true);
    expect(verifyWebhookSignature(secret, ts(1), botRequests[1]!.body, sig(1), Date.now())).toBe(false);

    const webhook = SiteSecretResponse.parse((await ana.fetch('/api/sites/site-a/secret/rotate?kind=webhook', { body: {} })).body).secret;
    expect(webhook).toMatch(/^whsec_/);
    expect((await ana.fetch('/api/sites/site-a/secret?kind=webhook')).body).toEqual({ secret: webhook });
    expect(await storedSecret()).toBe(secret);
    fresh.client.send({ type: 'send_message', clientMessageId: 'q3', text: 'When do you open?' });
    await fresh.client.waitFor('message_added', (e) => e.message.sender.kind === 'bot' && e.message.seq > 2);
    expect(verifyWebhookSignature(webhook, ts(2), botRequests[2]!.body, sig(2), Date.now())).toBe(true);
    expect(verifyWebhookSignature(OLD, ts(2), botRequests[2]!.body, sig(2), Date.now())).toBe(false);
    for (const s of [before, stale, fresh]) s.client.close();
  });
});

const ts = (i: number) => String(botRequests[i]?.headers['x-baton-timestamp']);
const sig = (i: number) => String(botRequests[i]?.headers['x-baton-signature']);
