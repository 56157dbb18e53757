import { describe, expect, it } from 'vitest';
import type { HandoffEpisode } from '../../entities/episode';
import { askedHeldFacts, restatedFacts } from '../repeat-explanation';
import { bucketOf, quantileOf } from './buckets';
import { insightsFrom, type RollupRow } from './figures';
import { episodeCounts } from './measures';
import { rollupDelta } from './rollup';
import { handoffEpisode } from '../../test-support/handoff-episode';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute));
const episode = (p: Partial<HandoffEpisode>): HandoffEpisode =>
  handoffEpisode({ startedAt: at(0), escalatedAt: at(0), triggers: [{ trigger: 'human_request', evidence: 'button' }], ...p });

/** An in-memory rollup collection: what $inc with upsert does in the database. */
function rollups() {
  const rows = new Map<string, RollupRow & { scope: string; operatorId: string | null }>();
  return {
    change(siteId: string, before: HandoffEpisode[] | undefined, after: HandoffEpisode[]) {
      for (const ch of rollupDelta(siteId, before, after)) {
        const row = rows.get(ch.id) ?? { ...ch.key };
        for (const [f, v] of Object.entries(ch.inc)) row[f] = ((row[f] as number | undefined) ?? 0) + v;
        rows.set(ch.id, row);
      }
    },
    site: () => [...rows.values()].filter((r) => r.scope === 'site'),
    of: (operatorId: string) => [...rows.values()].filter((r) => r.operatorId === operatorId),
  };
}

describe('insights from rollups', () => {
  it('follow each episode through its changes, so the figures count what the episodes now say', () => {
    const r = rollups();
    const waiting = episode({ waitEstimateShown: { kind: 'range', minMinutes: 2, maxMinutes: 4 }, factsMissing: ['email'] });
    r.change('s', undefined, [waiting]);
    const claimed = { ...waiting, claimedAt: at(3), actualWaitMs: 3 * 60_000, operatorId: 'ana' };
    r.change('s', [waiting], [claimed]);
    const resolved = {
      ...claimed,
      firstHumanReplyAt: at(4),
      outcome: 'resolved' as const,
      resolvedAt: at(10),
      endedAt: at(10),
      rating: { score: 4, comment: 'ok', at: at(11) },
    };
    r.change('s', [claimed], [resolved]);
    // Reopened within the hour and handed off again: abandoned while waiting.
    const second = episode({
      number: 2,
      startedAt: at(40),
      escalatedAt: at(40),
      triggers: [{ trigger: 'frustration', evidence: 'useless' }],
      queue: 'general',
      outcome: 'abandoned',
      endedAt: at(60),
      resolvedAt: at(60),
    });
    r.change('s', [resolved], [resolved, second]);
    const bot = episode({
      startedBy: 'resolved',
      startedAt: at(5),
      escalatedAt: null,
      triggers: [],
      queue: null,
      outcome: 'resolved',
      resolvedAt: at(5),
      rating: { score: 2, comment: null, at: at(6) },
    });
    r.change('s', undefined, [bot]);

    const f = insightsFrom(r.site());
    expect(f.conversations).toBe(3);
    expect(f.handoffs).toBe(2);
    expect(f.escalationRate).toEqual({ count: 2, of: 3, rate: 2 / 3 });
    expect(f.timeToHuman.count).toBe(1);
    expect(f.timeToHuman.p50).toBeGreaterThan(120);
    expect(f.timeToHuman.p50).toBeLessThanOrEqual(180);
    expect(f.timeToFirstReply.count).toBe(1);
    expect(f.resolutionTime.count).toBe(1);
    expect(f.byTrigger).toEqual([
      { key: 'frustration', count: 1 },
      { key: 'human_request', count: 1 },
    ]);
    expect(f.byQueue).toEqual([
      { key: 'billing', count: 1 },
      { key: 'general', count: 1 },
    ]);
    expect(f.satisfaction).toEqual({ handoff: { rated: 1, average: 4 }, botOnly: { rated: 1, average: 2 } });
    expect(f.missingFacts).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(f.abandonment).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(f.waitAccuracy.promised).toBe(1);
    expect(f.waitAccuracy.inside).toEqual({ count: 1, of: 1, rate: 1 });
    expect(f.scorecard.find((s) => s.trigger === 'human_request')).toEqual({
      trigger: 'human_request',
      handoffs: 1,
      resolvedByPerson: 1,
      returnedToBot: 0,
      rated: 1,
      reopened24h: 1,
    });
    expect(f.scorecard.find((s) => s.trigger === 'frustration')).toMatchObject({ handoffs: 1, resolvedByPerson: 0, reopened24h: 0 });
    // The operator sees only the episode they took.
    expect(insightsFrom(r.of('ana')).handoffs).toBe(1);
  });

  it('leave no count behind when an episode moves queue: the old row goes back to zero', () => {
    const r = rollups();
    const a = episode({});
    r.change('s', undefined, [a]);
    r.change('s', [a], [{ ...a, queue: 'general' }]);
    const billing = r.site().find((row) => row.queue === 'billing');
    expect(billing?.n_escalated).toBe(0);
    expect(insightsFrom(r.site()).byQueue).toEqual([{ key: 'general', count: 1 }]);
  });

  it('list an episode behind a figure exactly when the rollups count it', () => {
    const e = episode({ outcome: 'returned_to_bot', endedAt: at(3) });
    expect(episodeCounts('returned_to_bot', e, undefined)).toBe(true);
    expect(episodeCounts('abandoned', e, undefined)).toBe(false);
    expect(episodeCounts('time_to_human', e, undefined)).toBe(false);
  });
});

describe('duration buckets', () => {
  it('put a duration in the first bucket whose bound holds it and read quantiles back by interpolation', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(5_000)).toBe(0);
    expect(bucketOf(5_001)).toBe(1);
    const counts = Array(27).fill(0);
    counts[bucketOf(50_000)] = 10; // 45..60 s
    expect(quantileOf(counts, 0.5)).toBeCloseTo(52.5);
    expect(quantileOf(counts, 0.9)).toBeCloseTo(58.5);
    expect(quantileOf(Array(27).fill(0), 0.5)).toBeNull();
  });
});

describe('repeat explanation', () => {
  it('notices a visitor stating a held fact again and an operator asking for one', () => {
    const held = { orderNumber: '48213', email: 'ana@example.com' };
    expect(restatedFacts('my order number is 48213', held)).toEqual(['orderNumber']);
    expect(restatedFacts('my order number is 99999', held)).toEqual([]);
    expect(askedHeldFacts('Could you give me your order number?', held)).toEqual(['orderNumber']);
    expect(askedHeldFacts('Thanks, I see your order.', held)).toEqual([]);
    expect(askedHeldFacts('What is your phone number?', held)).toEqual([]);
  });
});
