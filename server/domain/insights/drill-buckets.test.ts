import { describe, expect, it } from 'vitest';
import { bucketMoves, bucketsOf, dayBucketIds, entriesOf, entryKey, rowIdOf } from './drill-buckets';
import type { EpisodeRow } from './episode-row';

const row: EpisodeRow = {
  _id: 'c.1#1',
  siteId: 's',
  conversationId: 'c.1',
  number: 1,
  startedAt: new Date(Date.UTC(2026, 0, 5, 9, 30)),
  day: '2026-01-05',
  trigger: 'frustration',
  queue: 'general',
  operatorId: null,
  outcome: 'abandoned',
  rating: null,
  m_episodes: true,
  m_abandoned: true,
};

describe('drill-down buckets', () => {
  it('place a row in one bucket per measure it counts in, at the hour it started', () => {
    expect(bucketsOf(row).map((p) => p.bucketId)).toEqual(['s|episodes|2026-01-05|09', 's|abandoned|2026-01-05|09']);
    expect(dayBucketIds('s', 'abandoned', '2026-01-05').slice(0, 2)).toEqual(['s|abandoned|2026-01-05|23', 's|abandoned|2026-01-05|22']);
  });

  it('move a row out of the measures it no longer counts in, and out of all when deleted', () => {
    const { m_abandoned: _, ...rest } = row;
    const claimed: EpisodeRow = { ...rest, operatorId: 'op', m_claimed: true };
    const moved = bucketMoves(row, claimed);
    expect(moved.leave.map((p) => p.bucketId)).toEqual(['s|abandoned|2026-01-05|09']);
    expect(moved.join.map((p) => p.bucketId)).toEqual(['s|claimed|2026-01-05|09']);
    expect(bucketMoves(row, row)).toEqual({ leave: [], join: [] });
    expect(bucketMoves(claimed, null).leave).toHaveLength(2);
  });

  it('keep row ids as field names without dots or dollars, and list entries newest first', () => {
    const key = entryKey('$a.b%2E#1');
    expect(key).not.toMatch(/[.$]/);
    expect(rowIdOf(key)).toBe('$a.b%2E#1');
    const entries = { [entryKey('x#1')]: new Date(1000), [entryKey('y.z#2')]: new Date(3000) };
    expect(entriesOf(entries).map((e) => e.id)).toEqual(['y.z#2', 'x#1']);
  });
});
