import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffEpisode } from '../entities/episode';
import { countEpisodeChange } from '../flows/handoff/episode-record';
import { loginOperator } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// The conversations behind a figure follow the episode as it changes (written through the episode
// recorder, read through the API): a row leaves a measure that no longer holds and joins the new one,
// retention's deletion takes it out, and only the days the Insights counters say hold such episodes
// are read (FerretDB scans the table for each query, so each day skipped is a scan saved).

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

describe('the conversations behind a figure', () => {
  it('follow a row out of a measure that no longer holds, and drop it when retention deletes it', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const listed = async (measure: string) =>
      (await ana.fetch(`/api/sites/site-a/insights/conversations?measure=${measure}`)).body.conversations.map(
        (c: { conversationId: string }) => c.conversationId,
      );

    await countEpisodeChange(h.deps, 'site-a', undefined, [waiting], 'conv-1');
    expect(await listed('abandoned')).toEqual(['conv-1']);
    expect(await listed('claimed')).toEqual([]);

    // Claimed after all: out of "abandoned", into "claimed" and "time_to_human".
    await countEpisodeChange(h.deps, 'site-a', [waiting], [claimed], 'conv-1');
    expect(await listed('abandoned')).toEqual([]);
    expect(await listed('claimed')).toEqual(['conv-1']);
    expect(await listed('time_to_human')).toEqual(['conv-1']);

    await h.deps.store.visitorData.deleteConversations([{ _id: 'conv-1', version: 0 }]);
    expect(await h.deps.store.episodeRollups.get('conv-1#1')).toBeNull();
    expect(await listed('claimed')).toEqual([]);
  });

  it('read only the days whose counters hold episodes of the measure, newest first', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const daysAgo = (n: number, e: HandoffEpisode, number: number): HandoffEpisode => {
      const at = new Date(start.getTime() - n * 86_400_000);
      return { ...e, number, startedAt: at, escalatedAt: at, endedAt: at };
    };
    await countEpisodeChange(h.deps, 'site-a', undefined, [daysAgo(3, waiting, 1)], 'old');
    await countEpisodeChange(h.deps, 'site-a', undefined, [daysAgo(1, waiting, 1)], 'new');
    await countEpisodeChange(h.deps, 'site-a', undefined, [daysAgo(2, claimed, 1)], 'taken');

    const counter = h.countCommands();
    const res = await ana.fetch('/api/sites/site-a/insights/conversations?measure=abandoned');
    counter.stop();
    expect(res.body.conversations.map((c: { conversationId: string }) => c.conversationId)).toEqual(['new', 'old']);
    // Two days hold abandoned handoffs; the other 28 of the 30 are not read.
    expect(counter.names().filter((n) => n === 'find episode_rows')).toHaveLength(2);
  });
});
