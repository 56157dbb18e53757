import { BSON } from 'mongodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../jobs/retention';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// The retention job over the real database, with the clock moved forward instead of waiting months.

const DAY_MS = 24 * 60 * 60_000;
let offsetMs = 0;
let h: Harness;

beforeEach(async () => {
  offsetMs = 0;
  h = await startHarness({ clock: { now: () => new Date(Date.now() + offsetMs) } });
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { retention: { resolvedDays: 30 } } });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ada', email: 'ada@a.test', name: 'Ada', siteIds: ['site-a', 'site-b'], role: 'admin' });
});
afterEach(() => h.close());

/** A visitor writes `text`; with `resolve`, an operator resolves the conversation. Returns its ids. */
async function chat(siteKey: string, text: string, resolve: boolean) {
  const { client } = await visitorSession(h, siteKey);
  client.send({ type: 'send_message', clientMessageId: 'm1', text });
  const conversationId = (await client.waitFor('message_added')).message.conversationId;
  if (resolve) {
    const ada = await loginOperator(h, 'ada@a.test');
    expect((await ada.fetch(`/api/conversations/${conversationId}/resolve`, { body: {} })).status).toBe(200);
    await client.waitFor('conversation_resolved');
  }
  client.close();
  const conversation = await h.deps.store.conversations.get(conversationId);
  return { conversationId, visitorId: conversation!.visitorId };
}

async function databaseText(): Promise<string> {
  const names = (await h.db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  const dumps = await Promise.all(names.map(async (n) => BSON.EJSON.stringify(await h.db.collection(n).find({}).toArray())));
  return dumps.join('\n');
}

describe('retention', () => {
  it("deletes resolved conversations and their visitors once past the site's period, and nothing else", async () => {
    const expiring = await chat('key-a', 'Old words from Ingrid Vasquez-Lund', true);
    const open = await chat('key-a', 'Still talking, Petronella Okafor', false);
    const otherSite = await chat('key-b', 'Site B words from Casimir Odhiambo', true);
    const silent = await visitorSession(h, 'key-a');
    silent.client.close();
    const trail = await h.db.collection('audit').countDocuments({ conversationId: expiring.conversationId });
    expect(trail).toBeGreaterThan(0);

    offsetMs = 29 * DAY_MS;
    expect(await applyRetention(h.deps)).toEqual({ conversations: 0, messages: 0, visitors: 0 });

    offsetMs = 31 * DAY_MS;
    const run = await applyRetention(h.deps);
    expect(run.conversations).toBe(1);
    expect(run.messages).toBeGreaterThanOrEqual(1);
    // The resolved conversation's visitor and the one who never wrote.
    expect(run.visitors).toBe(2);
    expect(await h.deps.store.conversations.get(expiring.conversationId)).toBeNull();
    expect(await h.db.collection('transitions').countDocuments({ conversationId: expiring.conversationId })).toBe(0);
    expect(await h.db.collection('transitions').countDocuments({ conversationId: otherSite.conversationId })).toBeGreaterThan(0);
    expect(await h.deps.store.visitors.get(expiring.visitorId)).toBeNull();
    const text = await databaseText();
    expect(text).not.toContain('Vasquez-Lund');
    expect(text).toContain('Petronella Okafor');
    expect(text).toContain('Casimir Odhiambo');
    expect(await h.deps.store.conversations.get(open.conversationId)).not.toBeNull();
    // The audit trail outlives the conversation, without its words.
    const kept = await h.db.collection('audit').find({ conversationId: expiring.conversationId }).toArray();
    expect(kept).toHaveLength(trail);
    for (const entry of kept) expect(entry).toMatchObject({ erased: true, evidence: [] });
    expect(await h.db.collection('audit').find({ action: 'retention_applied' }).toArray()).toEqual([
      expect.objectContaining({ siteId: 'site-a', actor: { kind: 'system' }, reasons: ['30 days'] }),
    ]);

    // Again: nothing left to delete, nothing audited.
    expect(await applyRetention(h.deps)).toEqual({ conversations: 0, messages: 0, visitors: 0 });
    expect(await h.db.collection('audit').countDocuments({ action: 'retention_applied' })).toBe(1);

    // Site B keeps the default 180 days.
    offsetMs = 181 * DAY_MS;
    expect((await applyRetention(h.deps)).conversations).toBe(1);
    expect(await h.deps.store.conversations.get(otherSite.conversationId)).toBeNull();
    expect(await databaseText()).not.toContain('Casimir Odhiambo');
  });

  it('is a site setting an admin edits, within 1 to 3650 days', async () => {
    const ada = await loginOperator(h, 'ada@a.test');
    const current = await ada.fetch('/api/sites/site-b/config');
    expect(current.body.config.retention).toEqual({ resolvedDays: 180 });
    const put = (resolvedDays: unknown) =>
      ada.fetch('/api/sites/site-b/config', {
        method: 'PUT',
        body: { config: { ...current.body.config, retention: { resolvedDays } }, configVersion: current.body.configVersion },
      });
    for (const bad of [0, 3651, 1.5, '90']) {
      const refused = await put(bad);
      expect(refused.status).toBe(400);
      expect(refused.body.issues[0].path).toBe('retention.resolvedDays');
    }
    const saved = await put(90);
    expect(saved.status).toBe(200);
    expect(saved.body.config.retention).toEqual({ resolvedDays: 90 });
  });
});
