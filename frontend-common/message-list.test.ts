import { describe, expect, it } from 'vitest';
import type { Message } from '../shared/entities';
import { acceptMessages, highestSeq, lastSeqHeld, mergeMessages } from './message-list';

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

describe('highestSeq after a snapshot', () => {
  it('runs on from what the snapshot covered: a seq missing below it is gone on the server, not on its way', () => {
    // The server's snapshot covered seq 1–5; 3 was erased, 6 arrived live.
    expect(highestSeq([message(1), message(2), message(4), message(5), message(6)], 'c1', 5)).toBe(6);
    expect(highestSeq([message(1), message(2), message(4), message(5), message(6)], 'c1')).toBe(2);
    // Nothing held (every message erased): the snapshot's end.
    expect(highestSeq([], 'c1', 9)).toBe(9);
    // A live message past a hole above the snapshot stops the run.
    expect(highestSeq([message(1), message(2), message(4)], 'c1', 2)).toBe(2);
  });
});

describe('lastSeqHeld', () => {
  it('is the highest seq held for one conversation, holes or not', () => {
    expect(lastSeqHeld([message(1), message(7), message(3), message(9, 'c0')], 'c1')).toBe(7);
    expect(lastSeqHeld([], 'c1')).toBe(0);
  });
});

describe('acceptMessages', () => {
  it('adds the next message without a gap', () => {
    const { list, added, gapAfter } = acceptMessages([message(1), message(2)], [message(3)], 'c1');
    expect(list.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(added.map((m) => m.seq)).toEqual([3]);
    expect(gapAfter).toBeNull();
  });
  it('keeps a message past a gap and says after which seq the missing ones start', () => {
    const { list, gapAfter } = acceptMessages([message(1), message(2)], [message(5)], 'c1');
    expect(list.map((m) => m.seq)).toEqual([1, 2, 5]);
    expect(gapAfter).toBe(2);
    // The frame that fills the hole is no gap, though a message past it is held.
    expect(acceptMessages(list, [message(3)], 'c1').gapAfter).toBeNull();
  });
  it('adds nothing twice, and a repeat is no gap', () => {
    const current = [message(1), message(2), message(5)];
    const { list, added, gapAfter } = acceptMessages(current, [message(5), message(2)], 'c1');
    expect(list).toBe(current);
    expect(added).toEqual([]);
    expect(gapAfter).toBeNull();
  });
  it('counts the run from the snapshot, and sees no gap while nothing is held', () => {
    expect(acceptMessages([message(1), message(2), message(4)], [message(5)], 'c1', 4).gapAfter).toBeNull();
    expect(acceptMessages([], [message(8)], 'c1').gapAfter).toBeNull();
    // Another conversation's seqs are not this one's.
    expect(acceptMessages([message(1)], [message(9, 'c0')], 'c1').gapAfter).toBeNull();
  });
});
