import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperatorsResponse, PresenceResponse, QueuesResponse, SiteConfigResponse, SitesResponse } from '../../shared/http';
import { loginOperator } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

const HOOK = 'https://hooks.example.com/services/T000/B000/secret-token';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    config: {
      queues: [
        { id: 'general', name: 'General' },
        { id: 'billing', name: 'Billing', members: ['op-sam'] },
      ],
      handoverRules: [{ id: 'billing', when: { intents: ['billing'] }, queue: 'billing' }],
      triggers: { policy_topic: { topics: [] } },
      webhook: { url: HOOK },
    },
  });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-lea', email: 'lea@a.test', name: 'Lea', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a'], role: 'operator' });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@b.test', name: 'Bo', siteIds: ['site-b'], role: 'admin' });
});
afterEach(() => h.close());

const storedSite = () => h.deps.store.sites.get('site-a');

describe('who may read and change site settings', () => {
  it('refuses a plain operator the whole config, reading and writing, with a reason', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    expect(await sam.fetch('/api/sites/site-a/config')).toEqual({
      status: 403,
      body: { code: 'forbidden', message: 'Only admins can see site settings.' },
    });
    const put = await sam.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { webhook: { url: null } }, configVersion: 1 },
    });
    expect(put).toEqual({ status: 403, body: { code: 'forbidden', message: 'Only admins can change site settings.' } });
    expect((await storedSite())?.config.webhook.url).toBe(HOOK);
    expect((await storedSite())?.configVersion).toBe(1);
  });

  it('gives a plain operator the queues, with names and members and nothing else', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    const res = await sam.fetch('/api/sites/site-a/queues');
    expect(res).toEqual({
      status: 200,
      body: {
        queues: [
          { id: 'general', name: 'General', members: [] },
          { id: 'billing', name: 'Billing', members: ['op-sam'] },
        ],
      },
    });
    expect(QueuesResponse.safeParse(res.body).success).toBe(true);
  });

  it('gives an admin the whole config, webhook included, with its version', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/config');
    expect(res.status).toBe(200);
    const body = SiteConfigResponse.parse(res.body);
    expect(body.configVersion).toBe(1);
    expect(body.config.webhook.url).toBe(HOOK);
  });

  it('answers another site’s queues and an unknown site as not found', async () => {
    const bo = await loginOperator(h, 'bo@b.test');
    const notFound = { code: 'not_found', message: 'Nothing was found with that id.' };
    expect(await bo.fetch('/api/sites/site-a/queues')).toEqual({ status: 404, body: notFound });
    expect(await bo.fetch('/api/sites/no-such-site/queues')).toEqual({ status: 404, body: notFound });
    expect((await bo.fetch('/api/sites/site-b/queues')).status).toBe(200);
  });
});

describe('saving over someone else’s save', () => {
  it('refuses a stale configVersion with 409 and keeps the first save', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const lea = await loginOperator(h, 'lea@a.test');
    const anaCopy = SiteConfigResponse.parse((await ana.fetch('/api/sites/site-a/config')).body);
    const leaCopy = SiteConfigResponse.parse((await lea.fetch('/api/sites/site-a/config')).body);

    const first = await ana.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { ...anaCopy.config, handoffEnabled: false }, configVersion: anaCopy.configVersion },
    });
    expect(first.status).toBe(200);
    expect(first.body.configVersion).toBe(2);

    const stale = await lea.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { ...leaCopy.config, defaultQueue: 'billing' }, configVersion: leaCopy.configVersion },
    });
    expect(stale).toEqual({
      status: 409,
      body: {
        code: 'version_conflict',
        message: 'Someone else saved these settings after you opened them. Reload the latest settings, then make your change again.',
      },
    });
    const kept = await storedSite();
    expect(kept).toMatchObject({ configVersion: 2, config: { handoffEnabled: false, defaultQueue: 'general' } });
    expect(await h.db.collection('audit').countDocuments({ action: 'config_changed' })).toBe(1);

    const latest = SiteConfigResponse.parse((await lea.fetch('/api/sites/site-a/config')).body);
    const retried = await lea.fetch('/api/sites/site-a/config', {
      method: 'PUT',
      body: { config: { ...latest.config, defaultQueue: 'billing' }, configVersion: latest.configVersion },
    });
    expect(retried.status).toBe(200);
    expect(await storedSite()).toMatchObject({ configVersion: 3, config: { handoffEnabled: false, defaultQueue: 'billing' } });
  });

  it('requires the configVersion the settings were loaded at', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/config', { method: 'PUT', body: { config: {} } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['configVersion']);
    expect((await storedSite())?.configVersion).toBe(1);
  });

  it('refuses a queue reference to a missing queue at the field that holds it', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const current = SiteConfigResponse.parse((await ana.fetch('/api/sites/site-a/config')).body);
    const config = { ...current.config, queues: current.config.queues.filter((q) => q.id !== 'billing') };
    const res = await ana.fetch('/api/sites/site-a/config', { method: 'PUT', body: { config, configVersion: current.configVersion } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: 'handoverRules.0.queue', message: 'There is no queue "billing"; pick one of general, or add a queue with that id.' },
    ]);
    expect((await storedSite())?.config.queues).toHaveLength(2);
  });

  it.each([
    ['webhook.url', 'http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local/],
    ['webhook.url', 'http://[::ffff:169.254.169.254]/', /169\.254\.169\.254 is a link-local/],
    ['webhook.url', 'http://localhost:8080/hook', /localhost names this machine/],
    ['webhook.url', 'http://2130706434/hook', /127\.0\.0\.2 is a loopback/],
    ['webhook.url', 'http://0x7f.0.0.3/hook', /127\.0\.0\.3 is a loopback/],
    ['webhook.url', 'http://10.0.0.7/hook', /10\.0\.0\.7 is a private-network/],
    ['webhook.url', 'http://metadata.google.internal/computeMetadata/v1/', /metadata/],
    ['bot.url', 'http://[fd00:ec2::254]/latest', /cloud metadata address/],
  ])('refuses a %s that reaches %s with a field error, keeping the saved settings', async (path, url, reason) => {
    const ana = await loginOperator(h, 'ana@a.test');
    const current = SiteConfigResponse.parse((await ana.fetch('/api/sites/site-a/config')).body);
    const config =
      path === 'bot.url'
        ? { ...current.config, bot: { kind: 'webhook', url } }
        : { ...current.config, webhook: { ...current.config.webhook, url } };
    const res = await ana.fetch('/api/sites/site-a/config', { method: 'PUT', body: { config, configVersion: current.configVersion } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path, message: expect.stringMatching(reason) }]);
    expect(res.body.issues[0].message).toContain('OUTBOUND_ALLOW');
    expect((await storedSite())?.config.webhook.url).toBe(HOOK);
    expect((await storedSite())?.configVersion).toBe(1);
  });
});

describe('the other site routes answer their shared schemas', () => {
  it('lists sites and operators with their current load, and echoes a presence change', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    expect(SitesResponse.parse((await sam.fetch('/api/sites')).body)).toEqual({
      sites: [{ siteId: 'site-a', name: 'site-a', siteKey: 'key-a' }],
    });
    const operators = OperatorsResponse.parse((await sam.fetch('/api/sites/site-a/operators')).body).operators;
    expect(operators.find((o) => o.operatorId === 'op-sam')).toEqual({
      operatorId: 'op-sam',
      name: 'Sam',
      presence: 'online',
      capacity: 5,
      active: 0,
    });
    const presence = await sam.fetch('/api/me/presence', { method: 'PUT', body: { presence: 'away' } });
    expect(presence).toEqual({ status: 200, body: { presence: 'away' } });
    expect(PresenceResponse.safeParse(presence.body).success).toBe(true);
  });
});
