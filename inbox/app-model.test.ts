import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import type { Notifier } from './browser-notifier';
import { createAppModel } from './models/app-model';
import { at, callback, detail, FakeSocket, fakeApi, me, ok, settle, summary, T0 } from './test-fakes';

function fakeNotifier() {
  return {
    permission: vi.fn(() => 'granted' as const),
    requestPermission: vi.fn(async () => 'granted' as const),
    show: vi.fn(),
  } satisfies Notifier;
}

async function signedIn(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(overrides);
  const socket = new FakeSocket();
  const notifier = fakeNotifier();
  const app = createAppModel({ api, socket, notifier, now: signal(T0), newId: () => 'id' });
  await app.session.restore();
  await settle();
  return { api, socket, notifier, app };
}

describe('inbox app', () => {
  it('connects the socket and loads lists once signed in, and disconnects on sign-out', async () => {
    const { api, socket, app } = await signedIn();
    expect(socket.connected).toBe(true);
    expect(api.listConversations).toHaveBeenCalled();
    expect(api.callbacks).toHaveBeenCalled();
    await app.session.logout();
    expect(socket.connected).toBe(false);
  });

  it('lists a handoff for everyone but alerts only when paged', async () => {
    const { socket, notifier, app } = await signedIn();
    socket.emit({ type: 'handoff_started', conversation: summary({ conversationId: 'c6' }) });
    expect(app.inbox.visible.value.map((c) => c.conversationId)).toEqual(['c6']);
    expect(app.alerts.notices.value).toEqual([]);
    expect(notifier.show).not.toHaveBeenCalled();
  });

  it('announces a handoff to its queue in the page and as a desktop notification', async () => {
    const { socket, notifier, app } = await signedIn();
    const c7 = summary({ conversationId: 'c7', urgency: 'urgent', visitorName: 'Vera' });
    socket.emit({ type: 'handoff_started', conversation: c7 });
    socket.emit({ type: 'paged', reason: 'handoff', conversation: c7 });
    expect(app.alerts.latest.value?.text).toBe('New handoff in Billing (urgent). Vera: Refund request');
    expect(notifier.show).toHaveBeenCalledWith(expect.objectContaining({ title: 'New handoff in Billing', tag: 'c7' }));
    expect(app.inbox.visible.value.map((c) => c.conversationId)).toEqual(['c7']);
    notifier.show.mock.calls[0]?.[0].onClick();
    expect(app.route.value).toEqual({ section: 'awaiting', conversationId: 'c7' });
  });

  it('tells an operator of an offer or a transfer to them, one notice per conversation', async () => {
    const { socket, notifier, app } = await signedIn();
    const owner = { operatorId: me.operatorId, name: me.name };
    const offered = summary({ conversationId: 'c8', state: 'owned', owner, offer: { operatorId: me.operatorId, expiresAt: at(2) } });
    socket.emit({ type: 'paged', reason: 'handoff', conversation: summary({ conversationId: 'c8' }) });
    socket.emit({ type: 'paged', reason: 'offer', conversation: { ...offered, version: 2 } });
    expect(app.alerts.notices.value.map((n) => n.text)).toEqual(['Offered to you in Billing. Vera: Refund request']);
    expect(notifier.show).toHaveBeenLastCalledWith(expect.objectContaining({ title: 'Offered to you in Billing', tag: 'c8' }));
    socket.emit({ type: 'paged', reason: 'transfer', conversation: summary({ conversationId: 'c9', state: 'owned', owner, queue: null }) });
    expect(app.alerts.latest.value?.text).toBe('Transferred to you. Vera: Refund request');
  });

  it('drops the "New handoff" notice once the conversation is claimed or resolved, and keeps an offer while it holds', async () => {
    const { socket, app } = await signedIn();
    const other = { operatorId: 'op_2', name: 'Sam' };
    socket.emit({ type: 'paged', reason: 'handoff', conversation: summary({ conversationId: 'c10' }) });
    socket.emit({ type: 'paged', reason: 'handoff', conversation: summary({ conversationId: 'c11' }) });
    socket.emit({
      type: 'conversation_updated',
      conversation: summary({ conversationId: 'c10', version: 2, state: 'owned', owner: other }),
    });
    expect(app.alerts.notices.value.map((n) => n.conversationId)).toEqual(['c11']);
    const owner = { operatorId: me.operatorId, name: me.name };
    const offer = { operatorId: me.operatorId, expiresAt: at(2) };
    socket.emit({ type: 'paged', reason: 'offer', conversation: summary({ conversationId: 'c12', state: 'owned', owner, offer }) });
    socket.emit({ type: 'conversation_updated', conversation: summary({ conversationId: 'c12', state: 'owned', owner, offer }) });
    expect(app.alerts.notices.value.map((n) => n.conversationId)).toEqual(['c11', 'c12']);
    socket.emit({ type: 'conversation_updated', conversation: summary({ conversationId: 'c11', version: 3, state: 'resolved' }) });
    expect(app.alerts.notices.value.map((n) => n.conversationId)).toEqual(['c12']);
  });

  it('refetches the list, callbacks and open conversation after every (re)connect', async () => {
    const { api, socket, app } = await signedIn();
    app.navigate({ section: 'awaiting', conversationId: 'c1' });
    await settle();
    const before = [api.listConversations.mock.calls.length, api.callbacks.mock.calls.length, api.conversation.mock.calls.length];
    socket.emit({ type: 'welcome', protocolVersion: 1, operator: me });
    await settle();
    expect(api.listConversations.mock.calls.length).toBe((before[0] ?? 0) + 1);
    expect(api.callbacks.mock.calls.length).toBe((before[1] ?? 0) + 1);
    expect(api.conversation.mock.calls.length).toBe((before[2] ?? 0) + 1);
  });

  it('signs out when the socket is closed for an ended session', async () => {
    const { socket, app } = await signedIn();
    socket.status('stopped', 'unauthenticated');
    expect(app.session.status.value).toBe('signed_out');
    expect(app.session.error.value).toBe('Your session has ended. Sign in again.');
  });

  it('moves through the list with j and k and claims with c', async () => {
    const list = [summary({ conversationId: 'a', urgency: 'urgent' }), summary({ conversationId: 'b' })];
    const { api, app } = await signedIn({
      listConversations: vi.fn(async () => ok({ conversations: list, counts: { awaiting: 2 }, nextCursor: null })),
      conversation: vi.fn(async (id: string) => ok(detail(summary({ conversationId: id })))),
    });
    app.runShortcut('next');
    expect(app.route.value.conversationId).toBe('a');
    app.runShortcut('next');
    app.runShortcut('next');
    expect(app.route.value.conversationId).toBe('b');
    app.runShortcut('previous');
    expect(app.route.value.conversationId).toBe('a');
    await settle();
    app.runShortcut('claim');
    expect(api.claim).toHaveBeenCalledWith('a');
  });

  it('counts pending callbacks from the live callback list', async () => {
    const { socket, app } = await signedIn({ callbacks: vi.fn(async () => ok({ callbacks: [callback()] })) });
    expect(app.counts.value.callbacks).toBe(1);
    socket.emit({ type: 'callback_updated', callback: callback({ status: 'done', doneAt: at(5) }) });
    expect(app.counts.value.callbacks).toBe(0);
  });

  it('remembers when single-key shortcuts are switched off', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const app = createAppModel({
      api: fakeApi(),
      socket: new FakeSocket(),
      notifier: fakeNotifier(),
      now: signal(T0),
      newId: () => 'id',
      storage,
    });
    app.setSingleKeyShortcuts(false);
    const again = createAppModel({
      api: fakeApi(),
      socket: new FakeSocket(),
      notifier: fakeNotifier(),
      now: signal(T0),
      newId: () => 'id',
      storage,
    });
    expect(again.singleKeyShortcuts.value).toBe(false);
  });
});
