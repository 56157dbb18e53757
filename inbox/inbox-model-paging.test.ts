import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversationSummary } from '../shared/operator-protocol';
import { createInboxModel } from './models/inbox-model';
import { at, failure, fakeApi, ok, pagedList, settle, summary } from './test-fakes';

afterEach(() => {
  vi.useRealTimers();
});

/** Seven people waiting, c1 the longest: the Awaiting order is c1..c7. */
const waiting = () => [1, 2, 3, 4, 5, 6, 7].map((n) => summary({ conversationId: `c${n}`, escalatedAt: at(n) }));

function setup(rows: () => ConversationSummary[] = waiting, size = 3) {
  const api = fakeApi({ listConversations: vi.fn(pagedList(rows, size, { awaiting: rows().length })) });
  const inbox = createInboxModel(api, signal('op_me'));
  return { api, inbox };
}

const ids = (list: { conversationId: string }[]) => list.map((c) => c.conversationId);

describe('inbox model paging', () => {
  it('appends the next page after the cursor and says how many rows it added', async () => {
    const { api, inbox } = setup();
    await inbox.reload();
    expect(ids(inbox.visible.value)).toEqual(['c1', 'c2', 'c3']);
    expect(inbox.nextCursor.value).toBe('3');
    expect(await inbox.loadMore()).toBe('c4');
    expect(api.listConversations).toHaveBeenLastCalledWith({ view: 'awaiting', queue: undefined, q: undefined, cursor: '3' });
    expect(ids(inbox.visible.value)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(inbox.moreStatus.value).toEqual({ text: 'Loaded 3 more conversations, 6 shown.', failed: false });
    await inbox.loadMore();
    expect(inbox.moreStatus.value?.text).toBe('Loaded 1 more conversation, 7 shown. That is the whole list.');
    expect(inbox.nextCursor.value).toBeNull();
    await inbox.loadMore();
    expect(api.listConversations).toHaveBeenCalledTimes(3);
  });

  it('starts over from the first page when the view, queue or search changes, dropping a page still on its way', async () => {
    let answerPage: () => void = () => {};
    const served = pagedList(waiting, 3);
    const api = fakeApi({
      listConversations: vi.fn(async (query) => {
        if (query.cursor) await new Promise<void>((resolve) => (answerPage = resolve));
        return served(query);
      }),
    });
    const inbox = createInboxModel(api, signal('op_me'));
    await inbox.reload();
    const pending = inbox.loadMore();
    expect(inbox.loadingMore.value).toBe(true);
    inbox.setView('live');
    expect(inbox.nextCursor.value).toBeNull();
    expect(inbox.loadingMore.value).toBe(false);
    await settle();
    answerPage();
    await pending;
    expect(ids(inbox.items.value)).toEqual(['c1', 'c2', 'c3']);
    expect(inbox.moreStatus.value).toBeNull();
    inbox.setQueue('sales');
    await settle();
    expect(api.listConversations).toHaveBeenLastCalledWith({ view: 'live', queue: 'sales', q: undefined });
  });

  it('adds neither a row already shown nor one a live update has since moved out of the view', async () => {
    vi.useFakeTimers();
    const pages: Record<string, ConversationSummary[]> = {
      first: [summary({ conversationId: 'c1' }), summary({ conversationId: 'c2', escalatedAt: at(2) })],
      after: [
        summary({ conversationId: 'c2', escalatedAt: at(2) }),
        summary({ conversationId: 'c3', escalatedAt: at(3) }),
        summary({ conversationId: 'c4', escalatedAt: at(4) }),
      ],
    };
    const api = fakeApi({
      listConversations: vi.fn(async (query) =>
        ok({ conversations: pages[query.cursor ?? 'first'] ?? [], counts: {}, nextCursor: query.cursor ? null : 'after' }),
      ),
    });
    const inbox = createInboxModel(api, signal('op_me'));
    await inbox.reload();
    inbox.applyUpdate(summary({ conversationId: 'c3', state: 'owned', owner: { operatorId: 'op_ana', name: 'Ana' }, version: 2 }));
    await inbox.loadMore();
    expect(ids(inbox.visible.value)).toEqual(['c1', 'c2', 'c4']);
    expect(inbox.moreStatus.value?.text).toBe('Loaded 1 more conversation, 3 shown. That is the whole list.');
  });

  it('keeps live updates working for loaded rows and leaves a newcomer past them to Load more', async () => {
    vi.useFakeTimers();
    const { inbox } = setup();
    await inbox.reload();
    await inbox.loadMore();
    inbox.applyUpdate(summary({ conversationId: 'c5', state: 'owned', owner: { operatorId: 'op_ana', name: 'Ana' }, version: 2 }));
    inbox.applyUpdate(summary({ conversationId: 'urgent', urgency: 'urgent', escalatedAt: at(40) }));
    inbox.applyUpdate(summary({ conversationId: 'late', escalatedAt: at(50) }));
    expect(ids(inbox.visible.value)).toEqual(['urgent', 'c1', 'c2', 'c3', 'c4', 'c6']);
    await inbox.loadMore();
    inbox.applyUpdate(summary({ conversationId: 'later', escalatedAt: at(60) }));
    // Every page is loaded now: nothing lies past the last row, so the newcomer joins at once.
    expect(ids(inbox.visible.value)).toEqual(['urgent', 'c1', 'c2', 'c3', 'c4', 'c6', 'c7', 'later']);
  });

  it('refreshes quietly as many rows as are shown, so rows from Load more stay', async () => {
    const rows = waiting();
    const { api, inbox } = setup(() => rows);
    await inbox.reload();
    await inbox.loadMore();
    rows.splice(0, 1, summary({ conversationId: 'c1', escalatedAt: at(1), visitorName: 'Vera Nova', version: 2 }));
    api.listConversations.mockClear();
    await inbox.reload(true);
    expect(api.listConversations.mock.calls.map(([query]) => query.cursor)).toEqual([undefined, '3']);
    expect(ids(inbox.visible.value)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(inbox.visible.value[0]?.visitorName).toBe('Vera Nova');
    expect(inbox.nextCursor.value).toBe('6');
  });

  it('keeps the cursor and says why when a page cannot load', async () => {
    const { api, inbox } = setup();
    await inbox.reload();
    api.listConversations.mockResolvedValueOnce(
      failure(0, 'network_error', 'Could not reach the server. Check your connection, then try again.'),
    );
    await inbox.loadMore();
    expect(inbox.moreStatus.value).toEqual({
      text: 'Could not load more conversations: Could not reach the server. Check your connection, then try again.',
      failed: true,
    });
    expect(inbox.nextCursor.value).toBe('3');
    expect(inbox.loadingMore.value).toBe(false);
    expect(ids(inbox.items.value)).toEqual(['c1', 'c2', 'c3']);
  });
});
