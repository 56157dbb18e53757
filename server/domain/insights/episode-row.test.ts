import { describe, expect, it } from 'vitest';
import type { HandoffEpisode } from '../../entities/episode';
import { insightsCsv } from './csv';
import { episodeRows } from './episode-row';
import { insightsFrom } from './figures';
import { rollupDelta } from './rollup';
import { episodesAfter } from '../episodes';

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
    const [row] = episodeRows('s', 'c1', 'Mia', undefined, [episode]);
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
    expect(row?.visitorName).toBe('Mia');
    expect(episodeRows('s', 'c1', 'Mia', [episode], [episode])).toEqual([]);
    const rated = { ...episode, rating: { score: 3, comment: null, at: at(21) } };
    expect(episodeRows('s', 'c1', 'Mia', [episode], [rated]).map((r) => r.m_rated_handoff)).toEqual([true]);
  });
});

describe("the day an episode is counted under: the site's, in its zone when the episode started", () => {
  const startedIn = (iso: string, timeZone: string): HandoffEpisode => {
    const source = {
      queue: 'general',
      owner: null,
      firedTriggers: episode.triggers,
      intent: null,
      facts: {},
      missingFacts: [],
      casePackage: null,
    };
    const [started] = episodesAfter(source, source, 'escalated', { kind: 'system' }, new Date(iso), timeZone);
    return started!;
  };
  const dayOfRowAndRollup = (e: HandoffEpisode) => {
    const rollupDays = [...new Set(rollupDelta('s', undefined, [e]).map((c) => c.key.day))];
    return { row: episodeRows('s', 'c1', null, undefined, [e])[0]?.day, rollups: rollupDays };
  };

  it.each([
    // 00:30 UTC on the night Berlin springs forward (02:00 CET -> 03:00 CEST): 01:30 in Berlin, the 29th.
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29'],
    // 23:30 UTC on the 28th is already 00:30 CET (UTC+1) on the 29th in Berlin.
    ['2026-03-28T23:30:00Z', 'Europe/Berlin', '2026-03-29'],
    // The morning Los Angeles falls back (02:00 PDT -> 01:00 PST): 08:30 UTC is 00:30 PST, the 1st.
    ['2026-11-01T08:30:00Z', 'America/Los_Angeles', '2026-11-01'],
    // Before the fall back, 06:30 UTC is 23:30 PDT, still the 31st: behind UTC, the day before.
    ['2026-11-01T06:30:00Z', 'America/Los_Angeles', '2026-10-31'],
    // Ahead of UTC: 23:30 UTC is 08:30 the next day in Tokyo.
    ['2026-05-10T23:30:00Z', 'Asia/Tokyo', '2026-05-11'],
    ['2026-05-10T23:30:00Z', 'UTC', '2026-05-10'],
  ])('%s in %s is counted on %s, by its row and its counters alike', (iso, zone, day) => {
    expect(dayOfRowAndRollup(startedIn(iso, zone))).toEqual({ row: day, rollups: [day] });
  });

  it('stays on the day it started under when the site changes its zone later, and episodes stored before keep their UTC day', () => {
    const tokyo = startedIn('2026-05-10T23:30:00Z', 'Asia/Tokyo');
    // Rated after the site moved to Los Angeles: the episode still moves the 11th's counters (Tokyo's day).
    const rated = { ...tokyo, outcome: 'resolved' as const, rating: { score: 5, comment: null, at: new Date('2026-05-12T00:00:00Z') } };
    const moved = rollupDelta('s', [tokyo], [rated]);
    expect(moved.length).toBeGreaterThan(0);
    expect(new Set(moved.map((c) => c.key.day))).toEqual(new Set(['2026-05-11']));
    const { day: _kept, ...storedBefore } = tokyo;
    expect(dayOfRowAndRollup(storedBefore)).toEqual({ row: '2026-05-10', rollups: ['2026-05-10'] });
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
