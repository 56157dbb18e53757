import type { Db } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationState, Urgency } from '../../shared/entities';
import { conversationDoc } from '../test-support/conversation-doc';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import type { Store } from '.';
import type { ConversationDoc } from './documents';
import { positionOf } from './list-position';

let t: TestDatabase;
let db: Db;
let store: Store;
beforeAll(async () => {
  t = await openTestDatabase();
  ({ db, store } = t);
});
afterAll(() => t.drop());

const T0 = Date.parse('2025-03-10T09:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);

function conversation(
  id: string,
  siteId: string,
  state: ConversationState,
  urgency: Urgency,
  waitingSinceMinute: number,
  lastActiveMinute: number,
): ConversationDoc {
  return conversationDoc({
    _id: id,
    siteId,
    state,
    urgency,
    createdAt: minute(waitingSinceMinute - 1),
    escalatedAt: minute(waitingSinceMinute),
    lastActivityAt: minute(lastActiveMinute),
    lastVisitorActivityAt: minute(lastActiveMinute),
  });
}

describe('inbox views', () => {
  it('keeps the longest waiting in Awaiting handoff when more wait than one page holds, most urgent first', async () => {
    const recent = Array.from({ length: 205 }, (_, i) =>
      conversation(`recent-${String(i).padStart(3, '0')}`, 'site-wait', 'queued', 'normal', 100 + i, 500 + i),
    );
    // Waiting longest and quiet since: sorted by latest activity it would be the first to drop off.
    const oldest = conversation('oldest', 'site-wait', 'queued', 'normal', 1, 1);
    const urgent = conversation('urgent', 'site-wait', 'queued', 'urgent', 400, 400);
    const low = conversation('low', 'site-wait', 'queued', 'low', 0, 0);
    await db.collection<ConversationDoc>('conversations').insertMany([...recent, oldest, urgent, low]);
    const first = await store.conversations.list(['site-wait'], 'awaiting', { operatorId: 'op' });
    const listed = first.conversations.map((c) => c._id);
    expect(first.more).toBe(true);
    expect(listed).toHaveLength(200);
    expect(listed.slice(0, 4)).toEqual(['urgent', 'oldest', 'recent-000', 'recent-001']);
    expect(listed.at(-1)).toBe('recent-197');
    expect(listed).not.toContain('low');
    const after = positionOf('awaiting', first.conversations.at(-1)!);
    const second = await store.conversations.list(['site-wait'], 'awaiting', { operatorId: 'op', after });
    expect(second.conversations.map((c) => c._id)).toEqual([
      'recent-198',
      'recent-199',
      'recent-200',
      'recent-201',
      'recent-202',
      'recent-203',
      'recent-204',
      'low',
    ]);
    expect(second.more).toBe(false);
  });

  it('lists and counts a callback-requested conversation under Callbacks only, not Live', async () => {
    const states: ConversationState[] = ['bot', 'queued', 'owned', 'callback_requested', 'resolved'];
    for (const state of states) await store.conversations.insert(conversation(`live-${state}`, 'site-live', state, 'normal', 1, 1));
    const { conversations: live } = await store.conversations.list(['site-live'], 'live', { operatorId: 'op' });
    expect(live.map((c) => c.state).sort()).toEqual(['bot', 'owned', 'queued']);
    expect((await store.conversations.counts(['site-live'], 'op')).live).toBe(3);
  });
});
