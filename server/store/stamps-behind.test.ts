import { describe, expect, it } from 'vitest';
import { conversationDoc } from '../test-support/conversation-doc';
import { satisfiesSeqCondition } from './conversations-store';
import { applyStamps, mergeStamps, type MessageStamps, stampsUpdates } from './stamps-behind';

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, s));
const stamps = (seq: number, over: Partial<MessageStamps> = {}): MessageStamps => ({
  seq,
  version: 1,
  preview: `message ${seq}`,
  lastActivityAt: at(seq),
  lastVisitorActivityAt: null,
  ...over,
});

describe('mergeStamps', () => {
  it("keeps the later message's seq and preview and the later of each date, whichever comes first", () => {
    const visitor = stamps(3, { lastVisitorActivityAt: at(3) });
    const reply = stamps(4);
    const expected = { seq: 4, version: 1, preview: 'message 4', lastActivityAt: at(4), lastVisitorActivityAt: at(3) };
    expect(mergeStamps(visitor, reply)).toEqual(expected);
    expect(mergeStamps(reply, visitor)).toEqual(expected);
  });

  it('keeps a visitor date of an earlier message when the later one has none', () => {
    expect(mergeStamps(stamps(5, { lastVisitorActivityAt: at(5) }), stamps(6)).lastVisitorActivityAt).toEqual(at(5));
  });
});

describe('applyStamps', () => {
  const doc = conversationDoc({
    _id: 'c1',
    state: 'bot',
    lastSeq: 2,
    lastMessagePreview: 'message 2',
    createdAt: at(0),
    lastActivityAt: at(2),
  });

  it('raises lastSeq, sets the preview and moves the dates forward', () => {
    const stamped = applyStamps(doc, stamps(4, { lastVisitorActivityAt: at(3) }));
    expect(stamped).toMatchObject({ lastSeq: 4, lastMessagePreview: 'message 4', lastActivityAt: at(4), lastVisitorActivityAt: at(3) });
  });

  it('leaves a later message’s preview and dates alone, as the database update does', () => {
    const later = { ...doc, lastSeq: 7, lastMessagePreview: 'message 7', lastActivityAt: at(7), lastVisitorActivityAt: at(7) };
    expect(applyStamps(later, stamps(4, { lastVisitorActivityAt: at(3) }))).toEqual(later);
  });

  it('still moves the dates forward when a later message took the preview', () => {
    const later = { ...doc, lastSeq: 7, lastMessagePreview: 'message 7', lastActivityAt: at(2), lastVisitorActivityAt: at(2) };
    expect(applyStamps(later, stamps(4, { lastVisitorActivityAt: at(3) }))).toMatchObject({
      lastSeq: 7,
      lastMessagePreview: 'message 7',
      lastActivityAt: at(4),
      lastVisitorActivityAt: at(3),
    });
  });

  it('keeps the preview of a conversation whose version moved on (taken over, erased), but not its seq and dates', () => {
    const erased = { ...doc, version: 2, lastMessagePreview: null };
    expect(applyStamps(erased, stamps(4))).toMatchObject({ lastSeq: 4, lastMessagePreview: null, lastActivityAt: at(4) });
  });
});

describe('stampsUpdates', () => {
  it('sets the preview only while no later message is recorded and the version is the same; the seq and dates move forward either way', () => {
    const forward = { $max: { lastSeq: 4, lastActivityAt: at(4), lastVisitorActivityAt: at(3) } };
    expect(stampsUpdates('c1', stamps(4, { lastVisitorActivityAt: at(3) }))).toEqual([
      {
        updateOne: {
          filter: { _id: 'c1', version: 1, lastSeq: { $lt: 4 } },
          update: { $set: { lastMessagePreview: 'message 4' }, ...forward },
        },
      },
      {
        updateOne: {
          filter: { _id: 'c1', $or: [{ version: { $ne: 1 } }, { lastSeq: { $gte: 4 } }] },
          update: forward,
        },
      },
    ]);
  });
});

describe('satisfiesSeqCondition', () => {
  const doc = conversationDoc({ _id: 'c1', state: 'bot', version: 3, lastSeq: 4 });

  it('holds when state, version and the seq bound all hold', () => {
    expect(satisfiesSeqCondition(doc, { state: 'bot', version: 3 })).toBe(true);
    expect(satisfiesSeqCondition(doc, { before: 5 })).toBe(true);
    expect(satisfiesSeqCondition(doc, {})).toBe(true);
  });

  it('fails on another state, a newer version, another owner or a message at or past the bound', () => {
    expect(satisfiesSeqCondition(doc, { state: 'owned', version: 3 })).toBe(false);
    expect(satisfiesSeqCondition(doc, { state: 'bot', version: 2 })).toBe(false);
    expect(satisfiesSeqCondition(doc, { ownerId: 'op-1' })).toBe(false);
    expect(satisfiesSeqCondition(doc, { before: 4 })).toBe(false);
  });

  it('matches the owner by operator id', () => {
    const owned = { ...doc, state: 'owned' as const, owner: { operatorId: 'op-1', name: 'Sam' } };
    expect(satisfiesSeqCondition(owned, { state: 'owned', ownerId: 'op-1' })).toBe(true);
  });
});
