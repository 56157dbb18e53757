import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/entities';
import { highestSeq, mergeMessages } from './message-list';

const message = (seq: number, conversationId = 'c1'): Message => ({
  conversationId,
  seq,
  sender: { kind: 'bot' },
  text: `message ${seq}`,
  createdAt: new Date(Date.UTC(2026, 11, 6, 12, 0, seq)).toISOString(),
});

describe('highestSeq', () => {
  it('is where the unbroken run ends, so a resume never skips a message still on its way', () => {
    // 3 came from this instance before 2 came over the event bus.
    expect(highestSeq([message(1), message(3)], 'c1')).toBe(1);
    expect(highestSeq([message(1), message(3), message(2), message(4)], 'c1')).toBe(4);
  });
  it('starts from the earliest message held (a history loaded after a point) and counts one conversation', () => {
    expect(highestSeq([message(41), message(42), message(7, 'c0')], 'c1')).toBe(42);
    expect(highestSeq([], 'c1')).toBe(0);
  });
});

describe('mergeMessages', () => {
  it('shows frames that arrived out of order by seq', () => {
    const { list } = mergeMessages([message(1), message(3)], [message(2)]);
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});
