import { describe, expect, it } from 'vitest';
import type { InboxView } from '../shared/http';
import { adjustCounts, belongsToView, emptyCounts, sortForView } from './models/view-rules';
import { at, summary } from './test-fakes';

const filter = { queue: '', meId: 'op_me' };

describe('sorting Awaiting handoff', () => {
  it('puts the most urgent first, then whoever has waited longest', () => {
    const list = [
      summary({ conversationId: 'normal-old', urgency: 'normal', escalatedAt: at(1) }),
      summary({ conversationId: 'high-new', urgency: 'high', escalatedAt: at(30) }),
      summary({ conversationId: 'urgent', urgency: 'urgent', escalatedAt: at(40) }),
      summary({ conversationId: 'high-old', urgency: 'high', escalatedAt: at(5) }),
      summary({ conversationId: 'low', urgency: 'low', escalatedAt: at(0) }),
    ];
    expect(sortForView(list, 'awaiting').map((c) => c.conversationId)).toEqual(['urgent', 'high-old', 'high-new', 'normal-old', 'low']);
  });

  it('uses the creation time when a conversation has no escalation time', () => {
    const list = [
      summary({ conversationId: 'b', escalatedAt: null, createdAt: at(10) }),
      summary({ conversationId: 'a', escalatedAt: null, createdAt: at(2) }),
    ];
    expect(sortForView(list, 'awaiting').map((c) => c.conversationId)).toEqual(['a', 'b']);
  });

  it('shows the latest activity first in Live and the latest resolution first in Resolved', () => {
    const live = [summary({ conversationId: 'old', lastActivityAt: at(1) }), summary({ conversationId: 'new', lastActivityAt: at(9) })];
    expect(sortForView(live, 'live').map((c) => c.conversationId)).toEqual(['new', 'old']);
    const done = [
      summary({ conversationId: 'x', state: 'resolved', resolvedAt: at(3), lastActivityAt: at(3) }),
      summary({ conversationId: 'y', state: 'resolved', resolvedAt: at(7), lastActivityAt: at(7) }),
    ];
    expect(sortForView(done, 'resolved').map((c) => c.conversationId)).toEqual(['y', 'x']);
  });
});

describe('which view a conversation belongs to', () => {
  const mineOwner = { operatorId: 'op_me', name: 'Mia' };
  const otherOwner = { operatorId: 'op_ana', name: 'Ana' };
  const cases: [string, Parameters<typeof summary>[0], InboxView[]][] = [
    ['held by the bot', { state: 'bot', queue: null }, ['live']],
    ['waiting in a queue', { state: 'queued' }, ['awaiting', 'live']],
    ['owned by me', { state: 'owned', owner: mineOwner }, ['live', 'mine']],
    ['owned by someone else', { state: 'owned', owner: otherOwner }, ['live']],
    [
      'offered to me, not yet accepted',
      { state: 'owned', owner: mineOwner, offer: { operatorId: 'op_me', expiresAt: at(2) } },
      ['live', 'mine'],
    ],
    // Not Live: it waits for a call back, not a chat, and is listed under Callbacks (the server's rule too).
    ['waiting for a callback', { state: 'callback_requested' }, []],
    ['resolved', { state: 'resolved' }, ['resolved']],
    // Written to after resolution: back with the bot, and still in the Resolved history.
    ['reopened after a resolution', { state: 'bot', queue: null, lastResolvedAt: at(3) }, ['live', 'resolved']],
  ];
  it.each(cases)('%s', (_, overrides, views) => {
    const c = summary(overrides);
    const found = (['awaiting', 'live', 'mine', 'resolved'] as const).filter((v) => belongsToView(c, v, filter));
    expect(found).toEqual(views);
  });

  it('leaves out conversations of other queues when a queue filter is set', () => {
    expect(belongsToView(summary({ queue: 'sales' }), 'awaiting', { ...filter, queue: 'billing' })).toBe(false);
    expect(belongsToView(summary({ queue: 'billing' }), 'awaiting', { ...filter, queue: 'billing' })).toBe(true);
  });
});

describe('count adjustments', () => {
  it('moves a claimed conversation from Awaiting to Mine and keeps it in Live', () => {
    const before = summary({ state: 'queued' });
    const after = summary({ state: 'owned', owner: { operatorId: 'op_me', name: 'Mia' }, version: 2 });
    const counts = { ...emptyCounts, awaiting: 3, live: 5, mine: 1 };
    expect(adjustCounts(counts, before, after, filter)).toEqual({ ...counts, awaiting: 2, live: 5, mine: 2 });
  });

  it('counts a new handoff once and never goes below zero', () => {
    expect(adjustCounts(emptyCounts, null, summary(), filter)).toMatchObject({ awaiting: 1, live: 1 });
    const resolved = summary({ state: 'resolved', version: 2 });
    expect(adjustCounts(emptyCounts, summary(), resolved, filter)).toMatchObject({ awaiting: 0, live: 0, resolved: 1 });
  });
});
