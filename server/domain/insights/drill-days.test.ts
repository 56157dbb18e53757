import { describe, expect, it } from 'vitest';
import { countIn, drillDayRounds } from './drill-days';
import type { RollupRow } from './figures';

const row = (day: string, fields: Record<string, number>): RollupRow => ({ day, trigger: 't', queue: 'q', language: 'en', ...fields });

describe('drill-down days', () => {
  it('count a measure from its counter, or from its duration buckets', () => {
    expect(countIn(row('2026-01-01', { n_abandoned: 3 }), 'abandoned')).toBe(3);
    expect(countIn(row('2026-01-01', { h_time_to_human_00: 2, h_time_to_human_07: 1, h_resolution_time_01: 9 }), 'time_to_human')).toBe(3);
    expect(countIn(row('2026-01-01', {}), 'claimed')).toBe(0);
  });

  it('group the days that hold the measure, newest first, into rounds that reach the limit, skipping empty days', () => {
    const rows = [
      row('2026-01-01', { n_abandoned: 4 }),
      row('2026-01-03', { n_abandoned: 1 }),
      row('2026-01-03', { n_abandoned: 1 }),
      row('2026-01-04', { n_claimed: 5 }),
      row('2026-01-05', { n_abandoned: 1 }),
    ];
    expect(drillDayRounds(rows, 'abandoned', 3)).toEqual([['2026-01-05', '2026-01-03'], ['2026-01-01']]);
    expect(drillDayRounds(rows, 'abandoned', 100)).toEqual([['2026-01-05', '2026-01-03', '2026-01-01']]);
    expect(drillDayRounds(rows, 'transferred', 3)).toEqual([]);
  });
});
