import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Callback } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import { pendingCount, sortCallbacks } from './callback-rules';

export function createCallbacksModel(api: InboxApi, now: ReadonlySignal<number>) {
  const items = signal<Callback[]>([]);
  const loaded = signal(false);
  const error = signal<string | null>(null);
  const busyId = signal<string | null>(null);
  // Sorting by due time needs the clock, but only a minute's precision: re-sort per minute, not per tick.
  const minute = computed(() => Math.floor(now.value / 60_000) * 60_000);
  const sorted = computed(() => sortCallbacks(items.value, minute.value));
  const pending = computed(() => pendingCount(items.value));

  function applyUpdate(callback: Callback) {
    const list = items.peek();
    const index = list.findIndex((c) => c.callbackId === callback.callbackId);
    // A live update does not carry the visitor's name: keep the one the list was read with.
    const merged = (c: Callback) => ({ ...callback, visitorName: callback.visitorName ?? c.visitorName ?? null });
    items.value = index >= 0 ? list.map((c, i) => (i === index ? merged(c) : c)) : [...list, callback];
  }

  return {
    items,
    loaded,
    error,
    busyId,
    sorted,
    pending,
    applyUpdate,
    async load() {
      const result = await api.callbacks();
      if (!result.ok) {
        error.value = `Could not load callbacks: ${result.error.message}`;
        return;
      }
      error.value = null;
      items.value = result.value.callbacks;
      loaded.value = true;
    },
    async markDone(callbackId: string) {
      if (busyId.peek()) return;
      busyId.value = callbackId;
      error.value = null;
      const result = await api.markCallbackDone(callbackId);
      busyId.value = null;
      if (!result.ok) {
        error.value = `Could not mark the callback done: ${result.error.message}`;
        return;
      }
      const echoed = result.value?.callback;
      const current = items.peek().find((c) => c.callbackId === callbackId);
      if (echoed) applyUpdate(echoed);
      else if (current && current.status === 'pending') {
        applyUpdate({ ...current, status: 'done', doneAt: new Date(now.peek()).toISOString() });
      }
    },
    reset() {
      items.value = [];
      loaded.value = false;
      error.value = null;
    },
  };
}

export type CallbacksModel = ReturnType<typeof createCallbacksModel>;
