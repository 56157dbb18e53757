import { describe, expect, it } from 'vitest';
import { isComplete, mergeSnapshot, summaryIsAhead } from './models/transcript-sync';
import { detail, message, summary } from './test-fakes';

const seqs = (messages: { seq: number }[]) => messages.map((m) => m.seq);

describe('mergeSnapshot', () => {
  it('keeps live messages newer than the snapshot, each once, in seq order', () => {
    const snapshot = detail(summary({ lastSeq: 3 }), [message(1), message(2), message(3)]);
    const merged = mergeSnapshot([message(5), message(3), message(4)], snapshot);
    expect(seqs(merged.messages)).toEqual([1, 2, 3, 4, 5]);
    expect(merged.syncedThrough).toBe(3);
    expect(isComplete(merged.messages, 'c1', merged.syncedThrough)).toBe(true);
  });

  it("prefers the snapshot's copy of a message it holds", () => {
    const snapshot = detail(summary({ lastSeq: 1 }), [message(1, { text: 'from the server' })]);
    expect(mergeSnapshot([message(1, { text: 'live' })], snapshot).messages[0]?.text).toBe('from the server');
  });

  it('covers up to the conversation’s lastSeq even when messages there are gone (erased)', () => {
    const merged = mergeSnapshot([], detail(summary({ lastSeq: 9 }), []));
    expect(merged.syncedThrough).toBe(9);
    expect(isComplete(merged.messages, 'c1', merged.syncedThrough)).toBe(true);
    // And holes the server itself has are not missing frames.
    const holed = mergeSnapshot([], detail(summary({ lastSeq: 5 }), [message(1), message(2), message(5)]));
    expect(isComplete(holed.messages, 'c1', holed.syncedThrough)).toBe(true);
  });

  it('is incomplete when a live message sits past a hole above the snapshot', () => {
    // The snapshot was read with seq 1–2; 3 was stored after, its frame lost; 4 arrived live.
    const merged = mergeSnapshot([message(4)], detail(summary({ lastSeq: 2 }), [message(1), message(2)]));
    expect(seqs(merged.messages)).toEqual([1, 2, 4]);
    expect(isComplete(merged.messages, 'c1', merged.syncedThrough)).toBe(false);
    // The next snapshot holds 3 (stored before 4 was published): complete.
    const next = mergeSnapshot(merged.messages, detail(summary({ lastSeq: 4 }), [message(1), message(2), message(3), message(4)]));
    expect(seqs(next.messages)).toEqual([1, 2, 3, 4]);
    expect(isComplete(next.messages, 'c1', next.syncedThrough)).toBe(true);
  });
});

describe('summaryIsAhead', () => {
  const held = [message(1), message(2), message(3)];
  it('tells of a newest message whose frame never came', () => {
    expect(summaryIsAhead(held, 3, summary({ lastSeq: 4 }))).toBe(true);
  });
  it('is quiet when the transcript has every message the summary counts', () => {
    expect(summaryIsAhead(held, 3, summary({ lastSeq: 3 }))).toBe(false);
    expect(summaryIsAhead(held, 2, summary({ lastSeq: 2 }))).toBe(false);
    // Erased messages: the snapshot covered them.
    expect(summaryIsAhead([], 7, summary({ lastSeq: 7 }))).toBe(false);
  });
  it('counts only the unbroken run: a message held past a hole does not hide the hole', () => {
    expect(summaryIsAhead([message(1), message(2), message(4)], 2, summary({ lastSeq: 4 }))).toBe(true);
  });
});
