import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteConfigResponse } from '../../shared/http';
import { loginOperator } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, {
    siteId: 'site-a',
    siteKey: 'key-a',
    config: {
      queues: [
        { id: 'general', name: 'General' },
        { id: 'billing', name: 'Billing' },
      ],
      handoverRules: [],
      triggers: { policy_topic: { topics: [] } },
    },
  });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-lea', email: 'lea@a.test', name: 'Lea', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a'], role: 'operator' });
});
afterEach(() => h.close());

const storedSite = () => h.deps.store.sites.get('site-a');
type Client = Awaited<ReturnType<typeof loginOperator>>;
const load = async (who: Client) => SiteConfigResponse.parse((await who.fetch('/api/sites/site-a/config')).body);
const patch = (who: Client, changes: unknown[]) => who.fetch('/api/sites/site-a/config', { method: 'PATCH', body: { changes } });

describe('saving one section of the settings', () => {
  it("keeps another admin's section saved meanwhile, and bumps the version once per save", async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const lea = await loginOperator(h, 'lea@a.test');
    const anaCopy = await load(ana);
    const leaCopy = await load(lea);

    const first = await patch(ana, [{ path: ['retention', 'resolvedDays'], value: 30, previous: anaCopy.config.retention.resolvedDays }]);
    expect(first.status).toBe(200);
    expect(first.body.configVersion).toBe(2);

    // Lea loaded version 1 and edits another section: her save lands over Ana's, which is kept.
    const second = await patch(lea, [{ path: ['hours', 'timeZone'], value: 'Europe/Madrid', previous: leaCopy.config.hours.timeZone }]);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      configVersion: 3,
      config: { retention: { resolvedDays: 30 }, hours: { timeZone: 'Europe/Madrid' } },
    });
    expect(await storedSite()).toMatchObject({
      configVersion: 3,
      config: { retention: { resolvedDays: 30 }, hours: { timeZone: 'Europe/Madrid' } },
    });
    expect(await h.db.collection('audit').countDocuments({ action: 'config_changed' })).toBe(2);
  });

  it('refuses a save over a newer value at the same path, names the path, and changes nothing', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const lea = await loginOperator(h, 'lea@a.test');
    const anaCopy = await load(ana);
    const leaCopy = await load(lea);
    expect((await patch(ana, [{ path: ['defaultQueue'], value: 'billing', previous: anaCopy.config.defaultQueue }])).status).toBe(200);

    const stale = await patch(lea, [
      { path: ['handoffEnabled'], value: false, previous: leaCopy.config.handoffEnabled },
      { path: ['defaultQueue'], value: 'general', previous: leaCopy.config.defaultQueue },
    ]);
    expect(stale).toEqual({
      status: 409,
      body: {
        code: 'version_conflict',
        message: 'Someone else saved these settings after you opened them. Reload the latest settings, then make your change again.',
        issues: [{ path: 'defaultQueue', message: 'Someone else saved a different value here after you opened these settings.' }],
      },
    });
    expect(await storedSite()).toMatchObject({ configVersion: 2, config: { handoffEnabled: true, defaultQueue: 'billing' } });
  });

  it('checks the merged config as a whole, at the field that is wrong', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const copy = await load(ana);
    const res = await patch(ana, [{ path: ['defaultQueue'], value: 'nowhere', previous: copy.config.defaultQueue }]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(['defaultQueue']);
    expect((await storedSite())?.configVersion).toBe(1);
  });

  it('compares the edited-from value whatever order its keys come in', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const copy = await load(ana);
    const reordered = Object.fromEntries(Object.entries(copy.config.hours).reverse());
    const res = await patch(ana, [{ path: ['hours'], value: { ...copy.config.hours, timeZone: 'Asia/Tokyo' }, previous: reordered }]);
    expect(res.status).toBe(200);
    expect((await storedSite())?.config.hours.timeZone).toBe('Asia/Tokyo');
  });

  it('refuses a plain operator', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    const res = await patch(sam, [{ path: ['handoffEnabled'], value: false, previous: true }]);
    expect(res).toEqual({ status: 403, body: { code: 'forbidden', message: 'Only admins can change site settings.' } });
  });
});
