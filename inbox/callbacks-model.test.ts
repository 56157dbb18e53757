import { signal } from '@preact/signals';
import { describe, expect, it, vi } from 'vitest';
import { callbackDue, sortCallbacks } from './models/callback-rules';
import { createCallbacksModel } from './models/callbacks-model';
import { at, callback, failure, fakeApi, ok, T0 } from './test-fakes';

const now = T0 + 30 * 60_000;

describe('callbacks', () => {
  it('lists overdue first, then due now, then upcoming, and done ones last', () => {
    const list = [
      callback({ callbackId: 'upcoming-late', slot: { start: at(300), end: at(330) } }),
      callback({ callbackId: 'done', status: 'done', doneAt: at(20) }),
      callback({ callbackId: 'upcoming-soon', slot: { start: at(60), end: at(90) } }),
      callback({ callbackId: 'due', slot: { start: at(20), end: at(50) } }),
      callback({ callbackId: 'overdue', slot: { start: at(0), end: at(10) } }),
      callback({ callbackId: 'asap', slot: null, createdAt: at(25) }),
    ];
    expect(sortCallbacks(list, now).map((c) => c.callbackId)).toEqual(['overdue', 'due', 'asap', 'upcoming-soon', 'upcoming-late', 'done']);
    expect(callbackDue(list[4] as never, now)).toBe('overdue');
  });

  it('puts a request with no time chosen among the due ones by when it was asked, oldest first', () => {
    const list = [
      callback({ callbackId: 'asked-late', slot: null, createdAt: at(25) }),
      callback({ callbackId: 'upcoming', slot: { start: at(60), end: at(90) } }),
      callback({ callbackId: 'slot-20', slot: { start: at(20), end: at(50) } }),
      callback({ callbackId: 'asked-early', slot: null, createdAt: at(5) }),
      callback({ callbackId: 'slot-10', slot: { start: at(10), end: at(40) } }),
      callback({ callbackId: 'asked-done', slot: null, createdAt: at(1), status: 'done', doneAt: at(2) }),
    ];
    expect(sortCallbacks(list, now).map((c) => c.callbackId)).toEqual([
      'asked-early',
      'slot-10',
      'slot-20',
      'asked-late',
      'upcoming',
      'asked-done',
    ]);
    // Without a slot there is no end to pass: a day-old request is still due, not overdue.
    expect(callbackDue(callback({ slot: null, createdAt: at(-24 * 60) }), now)).toBe('due');
  });

  it('marks a callback done and counts only pending ones', async () => {
    const api = fakeApi({ callbacks: vi.fn(async () => ok({ callbacks: [callback(), callback({ callbackId: 'cb2' })] })) });
    const model = createCallbacksModel(api, signal(now));
    await model.load();
    expect(model.pending.value).toBe(2);
    await model.markDone('cb1');
    expect(api.markCallbackDone).toHaveBeenCalledWith('cb1');
    expect(model.pending.value).toBe(1);
    expect(model.sorted.value.at(-1)?.callbackId).toBe('cb1');
  });

  it('keeps the callback pending and explains when marking done fails', async () => {
    const api = fakeApi({
      callbacks: vi.fn(async () => ok({ callbacks: [callback()] })),
      markCallbackDone: vi.fn(async () => failure(403, 'forbidden', 'You do not have access to this site or conversation.')),
    });
    const model = createCallbacksModel(api, signal(now));
    await model.load();
    await model.markDone('cb1');
    expect(model.pending.value).toBe(1);
    expect(model.error.value).toBe('Could not mark the callback done: You do not have access to this site or conversation.');
  });

  it('applies live callback updates', async () => {
    const model = createCallbacksModel(fakeApi(), signal(now));
    model.applyUpdate(callback());
    model.applyUpdate(callback({ status: 'done', doneAt: at(31) }));
    expect(model.items.value).toHaveLength(1);
    expect(model.pending.value).toBe(0);
  });
});
