import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxModel } from './models/inbox-model';
import { at, fakeApi, ok, settle, summary } from './test-fakes';

afterEach(() => {
  vi.useRealTimers();
});

function setup(conversations = [summary()], counts = { awaiting: 1, live: 1, mine: 0, resolved: 4, callbacks: 2 }) {
  const api = fakeApi({ listConversations: vi.fn(async () => ok({ conversations, counts, nextCursor: null })) });
  const inbox = createInboxModel(api, signal('op_me'));
  return { api, inbox };
}

const ids = (list: { conversationId: string }[]) => list.map((c) => c.conversationId);

describe('inbox model', () => {
  it('loads the current view with its queue filter and the server counts', async () => {
    const { api, inbox } = setup();
    inbox.queue.value = 'billing';
    await inbox.reload();
    expect(api.listConversations).toHaveBeenCalledWith({ view: 'awaiting', queue: 'billing', q: undefined });
    expect(ids(inbox.visible.value)).toEqual(['c1']);
    expect(inbox.counts.value).toEqual({ awaiting: 1, live: 1, mine: 0, resolved: 4, callbacks: 2 });
  });

  it("switches to one site: asks for its conversations only, starts the queue filter over, and keeps other sites' updates out", async () => {
    const { api, inbox } = setup([summary({ conversationId: 'c1', siteId: 'site-a' })]);
    inbox.queue.value = 'billing';
    inbox.setSite('site-a');
    await settle();
    expect(api.listConversations).toHaveBeenLastCalledWith({ view: 'awaiting', site: 'site-a', queue: undefined, q: undefined });
    inbox.applyUpdate(summary({ conversationId: 'c9', siteId: 'site-b', version: 1 }));
    inbox.applyUpdate(summary({ conversationId: 'c8', siteId: 'site-a', version: 1 }));
    expect(ids(inbox.visible.value).sort()).toEqual(['c1', 'c8']);
  });

  it('sends the search only for Resolved', async () => {
    const { api, inbox } = setup();
    inbox.search.value = 'refund';
    inbox.setView('resolved');
    await settle();
    expect(api.listConversations).toHaveBeenLastCalledWith({ view: 'resolved', queue: undefined, q: 'refund' });
    inbox.setView('live');
    await settle();
    expect(api.listConversations).toHaveBeenLastCalledWith({ view: 'live', queue: undefined, q: undefined });
  });

  it('adds a new handoff to Awaiting in urgency order and counts it', async () => {
    const { inbox } = setup();
    await inbox.reload();
    inbox.applyUpdate(summary({ conversationId: 'c2', urgency: 'urgent', escalatedAt: at(20) }));
    expect(ids(inbox.visible.value)).toEqual(['c2', 'c1']);
    expect(inbox.counts.value.awaiting).toBe(2);
  });

  it('removes a conversation from Awaiting when someone claims it, and counts it in Mine when it is mine', async () => {
    const { inbox } = setup();
    await inbox.reload();
    inbox.applyUpdate(summary({ state: 'owned', owner: { operatorId: 'op_me', name: 'Mia' }, version: 2 }));
    expect(inbox.visible.value).toEqual([]);
    expect(inbox.counts.value).toMatchObject({ awaiting: 0, live: 1, mine: 1 });
  });

  it('moves a conversation into Mine while Mine is shown', async () => {
    const { inbox } = setup([]);
    inbox.setView('mine');
    await settle();
    inbox.applyUpdate(summary({ conversationId: 'c9', state: 'owned', owner: { operatorId: 'op_me', name: 'Mia' } }));
    expect(ids(inbox.visible.value)).toEqual(['c9']);
    inbox.applyUpdate(summary({ conversationId: 'c9', state: 'resolved', version: 2 }));
    expect(inbox.visible.value).toEqual([]);
  });

  it('keeps tab counts for every queue while the list shows only the chosen queue', async () => {
    const { inbox } = setup();
    inbox.setQueue('billing');
    await settle();
    inbox.applyUpdate(summary({ conversationId: 'c1' }));
    inbox.applyUpdate(summary({ conversationId: 'sales-1', queue: 'sales', version: 1 }));
    expect(ids(inbox.visible.value)).toEqual(['c1']);
    expect(inbox.counts.value.awaiting).toBe(2);
  });

  it('ignores an update older than the version it already has', async () => {
    const { inbox } = setup([summary({ version: 5 })]);
    await inbox.reload();
    inbox.applyUpdate(summary({ version: 4, state: 'resolved' }));
    expect(ids(inbox.visible.value)).toEqual(['c1']);
    expect(inbox.counts.value.awaiting).toBe(1);
  });

  it('asks the server for fresh counts after an update about a conversation it never saw', async () => {
    vi.useFakeTimers();
    const { api, inbox } = setup();
    await inbox.reload();
    inbox.applyUpdate(summary({ conversationId: 'unseen', state: 'owned', owner: { operatorId: 'op_ana', name: 'Ana' } }));
    expect(api.listConversations).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(api.listConversations).toHaveBeenCalledTimes(2);
  });

  it('does not add rows to a search result it cannot judge', async () => {
    const { inbox } = setup([]);
    inbox.search.value = 'refund';
    inbox.setView('resolved');
    await settle();
    inbox.applyUpdate(summary({ conversationId: 'c5', state: 'resolved' }));
    expect(inbox.visible.value).toEqual([]);
  });

  it('shows an actionable error when the list cannot load', async () => {
    const api = fakeApi({
      listConversations: vi.fn(async () => ({
        ok: false as const,
        error: {
          status: 0,
          code: 'network_error' as const,
          message: 'Could not reach the server. Check your connection, then try again.',
          issues: [],
        },
      })),
    });
    const inbox = createInboxModel(api, signal('op_me'));
    await inbox.reload();
    expect(inbox.error.value).toBe('Could not load conversations: Could not reach the server. Check your connection, then try again.');
  });
});
