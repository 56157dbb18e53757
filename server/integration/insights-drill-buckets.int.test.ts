import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayBucketIds, entriesOf } from '../domain/insights/drill-buckets';
import type { HandoffEpisode } from '../entities/episode';
import { countEpisodeChange } from '../flows/handoff/episode-record';
import { loginOperator } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// The drill-down reads its own index (domain/insights/drill-buckets.ts) by _id: a row joins the
// buckets of the measures it counts in, leaves one when its measure no longer holds, and leaves
// them all when retention deletes it. Written through the episode recorder, read through the API.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
});
afterEach(() => h.close());

const start = new Date(Date.now() - 3_600_000);
const later = (ms: number) => new Date(start.getTime() + ms);
const waiting: HandoffEpisode = {
  number: 1,
  startedBy: 'escalated',
  startedAt: start,
  escalatedAt: start,
  triggers: [{ trigger: 'human_request', evidence: 'a person please' }],
  queue: 'billing',
  rule: 'default',
  intent: null,
  factsPresent: [],
  factsMissing: [],
  offeredAt: null,
  claimedAt: null,
  firstHumanReplyAt: null,
  transfers: [],
  outcome: 'abandoned',
  endedAt: later(600_000),
  resolvedAt: null,
  waitEstimateShown: null,
  actualWaitMs: null,
  rating: null,
  language: 'en',
  operatorId: null,
  intentCorrectedTo: null,
  repeats: { visitorRestated: 0, operatorAsked: 0 },
};
const claimed: HandoffEpisode = {
  ...waiting,
  claimedAt: later(60_000),
  firstHumanReplyAt: later(90_000),
  actualWaitMs: 60_000,
  operatorId: 'op-ana',
  outcome: 'resolved',
  resolvedAt: later(600_000),
};

async function bucketed(measure: string): Promise<string[]> {
  const ids = dayBucketIds('site-a', measure, start.toISOString().slice(0, 10));
  const buckets = await h.db
    .collection('insight_drill_buckets')
    .find({ _id: { $in: ids } } as never)
    .toArray();
  return buckets.flatMap((b) => entriesOf(b.entries as Record<string, Date>).map((e) => e.id));
}

describe('the drill-down buckets', () => {
  it('move a row out of a measure that no longer holds, and drop it when retention deletes it', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const listed = async (measure: string) =>
      (await ana.fetch(`/api/sites/site-a/insights/conversations?measure=${measure}`)).body.conversations.map(
        (c: { conversationId: string }) => c.conversationId,
      );

    await countEpisodeChange(h.deps, 'site-a', undefined, [waiting], 'conv-1');
    expect(await bucketed('abandoned')).toEqual(['conv-1#1']);
    expect(await listed('abandoned')).toEqual(['conv-1']);
    expect(await listed('claimed')).toEqual([]);

    // Claimed after all: out of "abandoned", into "claimed" (and "resolved_by_person").
    await countEpisodeChange(h.deps, 'site-a', [waiting], [claimed], 'conv-1');
    expect(await bucketed('abandoned')).toEqual([]);
    expect(await bucketed('claimed')).toEqual(['conv-1#1']);
    expect(await listed('abandoned')).toEqual([]);
    expect(await listed('claimed')).toEqual(['conv-1']);
    expect(await listed('resolved_by_person')).toEqual(['conv-1']);
    // Rewritten unchanged (as erasure rewrites a row with its comment blanked): still listed once.
    const row = await h.deps.store.episodeRollups.get('conv-1#1');
    expect(row?.m_claimed).toBe(true);
    if (row) await h.deps.store.episodeRollups.saveRows([{ ...row, rating: null }]);
    expect(await bucketed('claimed')).toEqual(['conv-1#1']);

    await h.deps.store.visitorData.deleteConversations([{ _id: 'conv-1', version: 0 }]);
    expect(await h.deps.store.episodeRollups.get('conv-1#1')).toBeNull();
    expect(await bucketed('claimed')).toEqual([]);
    expect(await bucketed('episodes')).toEqual([]);
    expect(await listed('claimed')).toEqual([]);
  });
});
