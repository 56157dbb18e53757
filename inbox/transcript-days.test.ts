import { describe, expect, it } from 'vitest';
import type { InternalNote } from '../shared/operator-protocol';
import { dayLabel, transcriptDays } from './models/transcript-days';
import { message } from './test-fakes';

const note = (id: string, createdAt: string): InternalNote => ({
  noteId: id,
  conversationId: 'c1',
  author: { operatorId: 'op_1', name: 'Dana' },
  text: `note ${id}`,
  createdAt,
});

const now = Date.parse('2026-12-06T10:00:00Z');

describe('transcriptDays', () => {
  it('groups by day in the given zone and names today and yesterday', () => {
    const days = transcriptDays(
      [
        message(1, { createdAt: '2026-12-04T10:00:00Z' }),
        message(2, { createdAt: '2026-12-05T23:30:00Z' }),
        message(3, { createdAt: '2026-12-06T09:00:00Z' }),
      ],
      [],
      now,
      'UTC',
    );
    expect(days.map((d) => [d.label, d.entries.length])).toEqual([
      ['Fri, Dec 4, 2026', 1],
      ['Yesterday', 1],
      ['Today', 1],
    ]);
  });

  it('follows the zone: 23:30 UTC is already the next day in Tokyo', () => {
    expect(dayLabel('2026-12-05T23:30:00Z', now, 'Asia/Tokyo')).toBe('Today');
    expect(dayLabel('2026-12-05T23:30:00Z', now, 'UTC')).toBe('Yesterday');
  });

  it('puts each note after the messages written before it, keeping message order', () => {
    const days = transcriptDays(
      [message(1, { createdAt: '2026-12-06T10:00:00Z' }), message(2, { createdAt: '2026-12-06T10:05:00Z' })],
      [note('b', '2026-12-06T10:07:00Z'), note('a', '2026-12-06T10:01:00Z')],
      now,
      'UTC',
    );
    expect(days).toHaveLength(1);
    expect(days[0]!.entries.map((e) => e.key)).toEqual(['m:1', 'n:a', 'm:2', 'n:b']);
  });
});
