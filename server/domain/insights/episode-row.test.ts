import { describe, expect, it } from 'vitest';
import type { HandoffEpisode } from '../../entities/episode';
import { insightsCsv } from './csv';
import { episodeRows } from './episode-row';
import { insightsFrom } from './figures';
import { rollupDelta } from './rollup';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute));
const episode: HandoffEpisode = {
  number: 1,
  startedBy: 'escalated',
  startedAt: at(0),
  escalatedAt: at(0),
  triggers: [{ trigger: 'frustration', evidence: 'useless' }],
  queue: 'general',
  rule: 'default',
  intent: null,
  factsPresent: [],
  factsMissing: ['email'],
  offeredAt: null,
  claimedAt: null,
  firstHumanReplyAt: null,
  transfers: [],
  outcome: 'abandoned',
  endedAt: at(20),
  resolvedAt: at(20),
  waitEstimateShown: null,
  actualWaitMs: null,
  rating: null,
};

describe('episode rows', () => {
  it('flag every measure the episode counts in, and only rewrite the episodes that changed', () => {
    const [row] = episodeRows('s', 'c1', undefined, [episode]);
    expect(row).toMatchObject({
      _id: 'c1#1',
      day: '2026-01-05',
      trigger: 'frustration',
      queue: 'general',
      m_abandoned: true,
      m_missing_facts: true,
      m_escalated: true,
    });
    expect(row?.m_claimed).toBeUndefined();
    expect(episodeRows('s', 'c1', [episode], [episode])).toEqual([]);
    const rated = { ...episode, rating: { score: 3, comment: null, at: at(21) } };
    expect(episodeRows('s', 'c1', [episode], [rated]).map((r) => r.m_rated_handoff)).toEqual([true]);
  });
});

describe('the CSV export', () => {
  it('has a row per figure with the numbers the figures hold, quoting what needs it', () => {
    const rows = rollupDelta('s', undefined, [episode])
      .filter((c) => c.key.scope === 'site')
      .map((c) => ({ ...c.key, ...c.inc }));
    const csv = insightsCsv({ ...insightsFrom(rows), precision: [{ trigger: 'a,b', right: 3, wrong: 1, precision: 0.75 }] });
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('figure,group,value,count,of');
    expect(lines).toContain('handoffs,,1,,');
    expect(lines).toContain('abandonment_rate,,1,1,1');
    expect(lines).toContain('missing_facts_rate,,1,1,1');
    expect(lines).toContain('handoffs_by_trigger,frustration,1,,');
    expect(lines).toContain('review_precision,"a,b",0.75,3,4');
  });
});
