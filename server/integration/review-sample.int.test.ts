import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// The weekly review sample through the real app: the same draw on every reload, a mark that stays
// in its week, marks giving Insights' per-trigger precision, and one click making a site example.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo Chen', siteIds: ['site-a'], role: 'operator' });
});
afterEach(() => h.close());

async function handOff(n: number) {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'm1', text: `where is my parcel number ${n}` });
  const id = (await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1')).message.conversationId;
  client.send({ type: 'request_human', clientMessageId: 'h' });
  await client.waitFor('handoff_started');
  return id;
}

async function botOnly(admin: Awaited<ReturnType<typeof loginOperator>>, text: string) {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'b1', text });
  const id = (await client.waitFor('message_added', (e) => e.message.clientMessageId === 'b1')).message.conversationId;
  expect((await admin.fetch(`/api/conversations/${id}/resolve`, { body: {} })).status).toBe(200);
  return id;
}

type Item = {
  episodeId: string;
  trigger: string;
  visitorTurn: string | null;
  mark: { verdict: string; example: { label: string } | null } | null;
};
const ids = (items: Item[]) => items.map((i) => i.episodeId).sort();

describe('weekly review sample', () => {
  it('draws the same sample on every reload, five a trigger, and keeps a marked episode when new ones join the week', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    for (let n = 0; n < 7; n++) await handOff(n);
    const first = await ana.fetch('/api/sites/site-a/review');
    expect(first.status).toBe(200);
    expect(first.body.size).toEqual({ perTrigger: 5, botOnly: 10 });
    expect(first.body.week).toMatch(/^\d{4}-W\d{2}$/);
    const items: Item[] = first.body.items;
    expect(items).toHaveLength(5);
    expect(new Set(items.map((i) => i.trigger))).toEqual(new Set(['human_request']));
    expect(items.every((i) => i.visitorTurn?.startsWith('where is my parcel'))).toBe(true);
    expect(ids((await ana.fetch('/api/sites/site-a/review')).body.items)).toEqual(ids(items));

    const kept = items[4] as Item;
    expect(
      (await ana.fetch('/api/sites/site-a/review/marks', { method: 'PUT', body: { episodeId: kept.episodeId, verdict: 'right' } })).status,
    ).toBe(200);
    for (let n = 7; n < 12; n++) await handOff(n);
    const later: Item[] = (await ana.fetch('/api/sites/site-a/review')).body.items;
    expect(later.map((i) => i.episodeId)).toContain(kept.episodeId);
    expect(later.find((i) => i.episodeId === kept.episodeId)?.mark?.verdict).toBe('right');
    expect(later.length).toBeGreaterThanOrEqual(5);
    expect(later.length).toBeLessThanOrEqual(6);
    // Another week draws from its own days: none of these.
    const past = (await ana.fetch('/api/sites/site-a/review?week=2020-W10')).body;
    expect(past).toMatchObject({
      week: '2020-W10',
      from: '2020-03-02',
      to: '2020-03-08',
      previousWeek: '2020-W09',
      nextWeek: '2020-W11',
      items: [],
    });
    expect(first.body.nextWeek).toBeNull();
    expect((await ana.fetch('/api/sites/site-a/review?week=2020-W99')).status).toBe(400);
  });

  it('turns marks into the per-trigger precision Insights shows, audited, admins only', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const bo = await loginOperator(h, 'bo@a.test');
    for (let n = 0; n < 3; n++) await handOff(n);
    await botOnly(ana, 'what are your opening hours');
    const items: Item[] = (await ana.fetch('/api/sites/site-a/review')).body.items;
    const handoffs = items.filter((i) => i.trigger === 'human_request');
    const kept = items.find((i) => i.trigger === 'bot_only') as Item;
    expect(handoffs).toHaveLength(3);
    expect(kept).toBeDefined();
    const mark = (episodeId: string, verdict: string) =>
      ana.fetch('/api/sites/site-a/review/marks', { method: 'PUT', body: { episodeId, verdict } });
    await mark(handoffs[0]?.episodeId ?? '', 'right');
    await mark(handoffs[1]?.episodeId ?? '', 'wrong');
    // Changing one's mind replaces the mark.
    await mark(handoffs[2]?.episodeId ?? '', 'wrong');
    await mark(handoffs[2]?.episodeId ?? '', 'right');
    await mark(kept.episodeId, 'right');

    const precision = (await ana.fetch('/api/sites/site-a/insights')).body.figures.precision;
    expect(precision).toEqual([
      { trigger: 'bot_only', right: 1, wrong: 0, precision: 1 },
      { trigger: 'human_request', right: 2, wrong: 1, precision: 2 / 3 },
    ]);
    const csv = await (await fetch(`${h.baseUrl}/api/sites/site-a/insights.csv`, { headers: { cookie: ana.cookie } })).text();
    expect(csv.split('\n')).toContain('review_precision,human_request,0.6667,2,3');

    const audit = await ana.fetch(`/api/conversations/${handoffs[2]?.episodeId.split('#')[0]}/audit`);
    const marks = audit.body.audit.filter((e: { action: string }) => e.action === 'review_marked');
    expect(marks.map((e: { reasons: string[]; note: string | null }) => [e.reasons, e.note])).toEqual([
      [['human_request', 'wrong'], null],
      [['human_request', 'right'], 'was wrong'],
    ]);

    expect((await bo.fetch('/api/sites/site-a/review')).status).toBe(403);
    expect(
      (await bo.fetch('/api/sites/site-a/review/marks', { method: 'PUT', body: { episodeId: kept.episodeId, verdict: 'wrong' } })).status,
    ).toBe(403);
    expect((await bo.fetch('/api/sites/site-a/insights')).body.figures.precision).toEqual([]);
    expect(
      (await ana.fetch('/api/sites/site-a/review/marks', { method: 'PUT', body: { episodeId: 'nope#1', verdict: 'right' } })).status,
    ).toBe(404);
  });

  it('makes a wrong handoff a must-not-hand-off example and a missed one an example of the reason named, in one click each', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    await handOff(1);
    await botOnly(ana, 'do you ship to Norway');
    const items: Item[] = (await ana.fetch('/api/sites/site-a/review')).body.items;
    const handoff = items.find((i) => i.trigger === 'human_request') as Item;
    const missed = items.find((i) => i.trigger === 'bot_only') as Item;
    const teach = (episodeId: string, label?: string) =>
      ana.fetch('/api/sites/site-a/review/examples', { body: { episodeId, ...(label ? { label } : {}) } });

    const unmarked = await teach(handoff.episodeId);
    expect(unmarked.status).toBe(400);
    expect(unmarked.body.message).toMatch(/Mark this conversation/);
    await ana.fetch('/api/sites/site-a/review/marks', { method: 'PUT', body: { episodeId: handoff.episodeId, verdict: 'wrong' } });
    await ana.fetch('/api/sites/site-a/review/marks', { method: 'PUT', body: { episodeId: missed.episodeId, verdict: 'wrong' } });

    const taught = await teach(handoff.episodeId);
    expect(taught.status).toBe(200);
    expect(taught.body.item.mark.example).toEqual({ label: 'none' });
    const noReason = await teach(missed.episodeId);
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/Pick the reason/);
    expect((await teach(missed.episodeId, 'frustration')).body.item.mark.example).toEqual({ label: 'frustration' });
    // A second click adds nothing twice.
    expect((await teach(handoff.episodeId)).status).toBe(200);

    const config = await ana.fetch('/api/sites/site-a/config');
    expect(config.body.config.triggers.semantic.examples).toEqual([
      { label: 'none', text: 'where is my parcel number 1' },
      { label: 'frustration', text: 'do you ship to Norway' },
    ]);
    // Seeded at version 1, one save per example: the repeated click saved nothing.
    expect(config.body.configVersion).toBe(3);
  });
});
