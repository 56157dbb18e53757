import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionResponse } from '../shared/http';
import type { ApiResult } from './api-errors';
import { lockLabel } from './models/lock-rules';
import { createConversationModel } from './models/conversation-model';
import { at, detail, FakeSocket, failure, fakeApi, message, ok, settle, summary } from './test-fakes';

afterEach(() => {
  vi.useRealTimers();
});

const mia = { operatorId: 'op_me', name: 'Mia' };
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => message(from + i));
const ana = { operatorId: 'op_ana', name: 'Ana' };

async function setup(start = summary(), overrides: Parameters<typeof fakeApi>[0] = {}) {
  let current = start;
  const api = fakeApi({
    conversation: vi.fn(async (id: string) => ok(detail(id === current.conversationId ? current : summary({ conversationId: id })))),
    ...overrides,
  });
  const socket = new FakeSocket();
  socket.connect();
  const changed = vi.fn();
  const model = createConversationModel({
    api,
    socket,
    meId: signal('op_me'),
    onChanged: changed,
    newId: () => 'm1',
    now: () => Date.now(),
  });
  model.open(start.conversationId);
  await settle();
  const label = () => (model.lock.value ? lockLabel(model.lock.value, (q) => q) : null);
  const serverHas = (next: typeof start) => {
    current = next;
  };
  /** Reloads never answer: what shows comes from the action's own answer. */
  const stallReloads = () => api.conversation.mockImplementation(() => new Promise<never>(() => {}));
  return { api, socket, model, changed, label, serverHas, stallReloads };
}

describe('conversation model', () => {
  it('reloads afresh after an erasure: messages the server no longer has leave the screen', async () => {
    const { api, model } = await setup();
    expect(model.detail.value?.messages).toHaveLength(2);
    api.conversation.mockImplementation(async (id: string) => ok({ ...detail(summary({ conversationId: id }), []) }));
    model.reload();
    await settle();
    // A plain reload keeps what it holds (live messages may be newer than the snapshot)…
    expect(model.detail.value?.messages).toHaveLength(2);
    await model.reloadAfresh();
    expect(model.detail.value?.messages).toEqual([]);
  });

  it('opens a waiting conversation with Claim allowed and the composer disabled', async () => {
    const { model, label } = await setup();
    expect(label()).toBe('Waiting in billing');
    expect(model.allowed.value.claim).toBe(true);
    expect(model.allowed.value.reply).toBe(false);
  });

  it('claims: the lock becomes "You own this conversation" and the composer opens', async () => {
    const owned = summary({ state: 'owned', owner: mia, version: 2 });
    const { model, label, changed, serverHas } = await setup(summary(), { claim: vi.fn(async () => ok({ conversation: owned })) });
    serverHas(owned);
    await model.claim();
    expect(label()).toBe('You own this conversation');
    expect(model.allowed.value.reply).toBe(true);
    expect(changed).toHaveBeenCalledWith(owned);
  });

  it('accepts an offer to me with Claim: the reply opens and the audit trail is fetched again', async () => {
    const offered = summary({ state: 'owned', owner: mia, version: 2, offer: { operatorId: 'op_me', expiresAt: at(2) } });
    const accepted = { ...offered, offer: null };
    const { api, model, label, serverHas } = await setup(offered, { claim: vi.fn(async () => ok({ conversation: accepted })) });
    expect(label()).toBe('Offered to you — Accept');
    expect(model.allowed.value).toMatchObject({ claim: true, reply: true, resolve: false, transfer: false });
    const loads = api.conversation.mock.calls.length;
    serverHas(accepted);
    await model.claim();
    await settle();
    expect(label()).toBe('You own this conversation');
    expect(model.allowed.value.claim).toBe(false);
    // Same version (no change of hands), yet the 'claimed' audit entry must show up.
    expect(api.conversation.mock.calls.length).toBe(loads + 1);
  });

  it('shows "Offered to NAME" to everyone else, with nothing to do', async () => {
    const { model, label } = await setup();
    model.applyUpdate(summary({ state: 'owned', owner: ana, version: 2, offer: { operatorId: 'op_ana', expiresAt: at(2) } }));
    expect(label()).toBe('Offered to Ana');
    expect(Object.values(model.allowed.value).some(Boolean)).toBe(false);
  });

  it('shows "Claimed by NAME" at once from a 409 and keeps the composer disabled', async () => {
    const { model, label, stallReloads } = await setup(summary(), {
      claim: vi.fn(async () => failure(409, 'already_claimed', 'Already claimed by Ana.', [], ana)),
    });
    stallReloads();
    await model.claim();
    expect(label()).toBe('Claimed by Ana');
    expect(model.allowed.value.reply).toBe(false);
    expect(model.allowed.value.claim).toBe(false);
    expect(model.actionError.value).toBe('Already claimed by Ana.');
  });

  it('shows "Claimed by NAME" when a live update says someone else claimed', async () => {
    const { model, label } = await setup();
    model.applyUpdate(summary({ state: 'owned', owner: ana, version: 2 }));
    expect(label()).toBe('Claimed by Ana');
    expect(model.allowed.value.reply).toBe(false);
  });

  it('reloads after a refused transition so the page matches the server', async () => {
    const { api, model } = await setup(summary(), {
      resolve: vi.fn(async () => failure(409, 'transition_not_allowed', 'Cannot resolve: the conversation is resolved.')),
    });
    await model.resolve('');
    expect(model.actionError.value).toBe('Cannot resolve: the conversation is resolved. The conversation has been reloaded.');
    expect(api.conversation).toHaveBeenCalledTimes(2);
  });

  it('sends transfer targets and notes as the server expects', async () => {
    const { api, model } = await setup(summary({ state: 'owned', owner: mia }));
    await model.transfer({ queue: 'sales' }, '  wants a quote ');
    expect(api.transfer).toHaveBeenCalledWith('c1', { queue: 'sales', note: 'wants a quote' });
    await model.returnToBot('');
    expect(api.returnToBot).toHaveBeenCalledWith('c1', { note: undefined });
  });

  it('appends new messages once; one past a gap shows at once and the refetch fills the hole', async () => {
    const { api, model } = await setup();
    const seqs = () => model.detail.value?.messages.map((m) => m.seq);
    model.applyMessage(message(3));
    model.applyMessage(message(3));
    expect(seqs()).toEqual([1, 2, 3]);
    expect(api.conversation).toHaveBeenCalledTimes(1);
    api.conversation.mockImplementation(async () => ok(detail(summary({ lastSeq: 7 }), range(1, 7))));
    model.applyMessage(message(7));
    expect(seqs()).toEqual([1, 2, 3, 7]);
    await settle();
    expect(api.conversation).toHaveBeenCalledTimes(2);
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    model.applyMessage(message(4, { conversationId: 'other' }));
    expect(seqs()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('fetches the last message of a burst whose frame was lost, told by the summary that follows it', async () => {
    const { api, model } = await setup();
    api.conversation.mockImplementation(async () => ok(detail(summary({ lastSeq: 3 }), range(1, 3))));
    // No later message shows a gap; the list's summary (same version) counts seq 3.
    model.applyUpdate(summary({ lastSeq: 3, lastMessagePreview: 'message 3' }));
    await settle();
    expect(api.conversation).toHaveBeenCalledTimes(2);
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    // A summary counting nothing new fetches nothing.
    model.applyUpdate(summary({ lastSeq: 3 }));
    await settle();
    expect(api.conversation).toHaveBeenCalledTimes(2);
  });

  it('fetches again when a message that arrived during the first load sits past a hole in its snapshot', async () => {
    vi.useFakeTimers();
    let answer: (v: unknown) => void = () => {};
    const { api, model } = await setup();
    const other = (seq: number) => message(seq, { conversationId: 'c2' });
    api.conversation.mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
    model.open('c2');
    // Seq 3 was stored after the snapshot was read and its frame lost; 4 arrived.
    model.applyMessage(other(4));
    answer(ok(detail(summary({ conversationId: 'c2', lastSeq: 2 }), [other(1), other(2)])));
    await settle();
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 4]);
    api.conversation.mockImplementation(async () => ok(detail(summary({ conversationId: 'c2', lastSeq: 4 }), [1, 2, 3, 4].map(other))));
    await vi.advanceTimersByTimeAsync(1000);
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(api.conversation).toHaveBeenCalledTimes(3);
  });

  it('keeps asking while a refetch for missing messages fails, and stops once they are there', async () => {
    vi.useFakeTimers();
    const { api, model } = await setup();
    api.conversation.mockImplementation(async () => failure(503, 'overloaded', 'The server is busy.'));
    model.applyMessage(message(4));
    await settle();
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 4]);
    expect(api.conversation).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(600);
    expect(api.conversation).toHaveBeenCalledTimes(3);
    api.conversation.mockImplementation(async () => ok(detail(summary({ lastSeq: 4 }), range(1, 4))));
    await vi.advanceTimersByTimeAsync(1100);
    expect(api.conversation).toHaveBeenCalledTimes(4);
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.conversation).toHaveBeenCalledTimes(4);
  });

  it('tries a resync again when the server was too busy to answer it, but not a refusal repeating cannot change', async () => {
    vi.useFakeTimers();
    const { api, model } = await setup();
    api.conversation.mockImplementationOnce(async () => failure(503, 'overloaded', 'The server is busy.'));
    // After a reconnect: frames may have been missed while the socket was down.
    model.reload();
    await settle();
    expect(api.conversation).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(600);
    expect(api.conversation).toHaveBeenCalledTimes(3);
    api.conversation.mockImplementationOnce(async () => failure(404, 'not_found', 'No conversation with that id.'));
    model.reload();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.conversation).toHaveBeenCalledTimes(4);
  });

  it('fetches one snapshot at a time: a request meanwhile fetches once more after it, and the newer answer stays', async () => {
    const answers: ((v: unknown) => void)[] = [];
    const { api, model } = await setup();
    api.conversation.mockImplementation(() => new Promise((resolve) => answers.push(resolve)) as never);
    model.applyUpdate(summary({ version: 2 }));
    model.applyUpdate(summary({ version: 3 }));
    model.applyMessage(message(5));
    await settle();
    expect(answers).toHaveLength(1);
    answers[0]!(ok(detail(summary({ version: 2, lastSeq: 2 }))));
    await settle();
    expect(answers).toHaveLength(2);
    // The live summary (version 3) is newer than that snapshot: it stays.
    expect(model.summary.value?.version).toBe(3);
    answers[1]!(ok(detail(summary({ version: 3, lastSeq: 5 }), range(1, 5))));
    await settle();
    expect(answers).toHaveLength(2);
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows the visitor's rating of a resolved conversation as soon as the summary brings it", async () => {
    const { api, model } = await setup(summary({ state: 'resolved', version: 3 }));
    expect(model.detail.value?.rating).toBeUndefined();
    model.applyUpdate(summary({ state: 'resolved', version: 3, lastRating: { score: 4, comment: 'Quick and friendly.' } }));
    expect(model.detail.value?.rating).toEqual({ score: 4, comment: 'Quick and friendly.' });
    expect(model.summary.value?.lastRating).toEqual({ score: 4, comment: 'Quick and friendly.' });
    expect(api.conversation).toHaveBeenCalledTimes(1);
  });

  it('keeps a message that arrived live while the first snapshot was on its way', async () => {
    let answer: (v: unknown) => void = () => {};
    const { api, model } = await setup();
    api.conversation.mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
    model.open('c_other');
    model.applyMessage(message(3, { conversationId: 'c_other' }));
    answer(ok(detail(summary({ conversationId: 'c_other' }))));
    await settle();
    expect(model.detail.value?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('sends a reply with a client id, keeps it pending until the server echoes it', async () => {
    const { api, model } = await setup(summary({ state: 'owned', owner: mia }));
    model.composer.input('Hello Vera');
    await model.composer.send();
    expect(api.reply).toHaveBeenCalledWith('c1', { clientMessageId: 'm1', text: 'Hello Vera' });
    expect(model.composer.text.value).toBe('');
    expect(model.composer.pending.value).toEqual([{ clientMessageId: 'm1', text: 'Hello Vera' }]);
    model.applyMessage(message(3, { clientMessageId: 'm1', sender: { kind: 'operator', name: 'Mia' }, text: 'Hello Vera' }));
    expect(model.composer.pending.value).toEqual([]);
  });

  it('drops a pending reply when the echo lacks its client id but carries the same text', async () => {
    const { model } = await setup(summary({ state: 'owned', owner: mia }));
    model.composer.input('On it');
    await model.composer.send();
    model.applyMessage(message(3, { sender: { kind: 'operator', name: 'Mia' }, text: 'On it' }));
    expect(model.composer.pending.value).toEqual([]);
  });

  it('gives the text back when a reply is refused because someone else claimed', async () => {
    const { model, label, stallReloads } = await setup(summary({ state: 'owned', owner: mia }), {
      reply: vi.fn(async () => failure(409, 'already_claimed', 'Already claimed by Ana.', [], ana)),
    });
    stallReloads();
    model.composer.input('Hello');
    await model.composer.send();
    expect(model.composer.text.value).toBe('Hello');
    expect(model.composer.error.value).toBe('Not sent: Already claimed by Ana.');
    expect(label()).toBe('Claimed by Ana');
  });

  it('throttles typing indicators and says when the owner stopped', async () => {
    vi.useFakeTimers();
    const { model, socket } = await setup(summary({ state: 'owned', owner: mia }));
    model.composer.input('H');
    model.composer.input('He');
    model.composer.input('Hel');
    expect(socket.sent).toEqual([{ type: 'typing', conversationId: 'c1', isTyping: true }]);
    vi.advanceTimersByTime(3100);
    model.composer.input('Hell');
    expect(socket.sent).toHaveLength(2);
    vi.advanceTimersByTime(5000);
    expect(socket.sent.at(-1)).toEqual({ type: 'typing', conversationId: 'c1', isTyping: false });
  });

  it('sends no typing indicator when the operator does not own the conversation', async () => {
    const { model, socket } = await setup();
    model.composer.input('draft');
    expect(socket.sent).toEqual([]);
  });

  it('inserts the suggested reply into the composer and asks for focus', async () => {
    const { model } = await setup(summary({ state: 'owned', owner: mia }));
    model.composer.insert('Sorry about that, Vera.');
    expect(model.composer.text.value).toBe('Sorry about that, Vera.');
    expect(model.composer.focusRequest.value).toBe(1);
  });

  it('requires an intent before correcting it', async () => {
    const { api, model } = await setup();
    await model.correctIntent('  ');
    expect(api.correctIntent).not.toHaveBeenCalled();
    expect(model.actionError.value).toBe('Enter the corrected intent, e.g. refund.');
    await model.correctIntent('billing_dispute');
    expect(api.correctIntent).toHaveBeenCalledWith('c1', { intent: 'billing_dispute' });
  });

  it('ignores a slow answer for a conversation that is no longer open', async () => {
    let release: (v: ApiResult<ActionResponse>) => void = () => {};
    const { model } = await setup(summary(), {
      claim: vi.fn(() => new Promise<ApiResult<ActionResponse>>((resolve) => (release = resolve))),
    });
    const claiming = model.claim();
    model.open('c2');
    release(ok({ conversation: summary({ state: 'owned', owner: mia, version: 9 }) }));
    await claiming;
    await settle();
    expect(model.detail.value?.conversation.conversationId).toBe('c2');
  });
});
