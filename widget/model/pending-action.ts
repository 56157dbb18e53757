import { type ReadonlySignal, signal } from '@preact/signals-core';
import { type Clock, createTimers } from '../../frontend-common/clock';

/** No answer to request_human / request_callback / rate: let the visitor try again. */
const actionTimeoutMs = 15_000;

export type ActionKind = 'handoff' | 'callback' | 'rate';

/**
 * The one request (a person, a callback, a rating) waiting for the server's answer: its button stays
 * disabled meanwhile, so a double click never sends two requests.
 */
export function createPendingAction(options: { clock: Clock; newId(): string }) {
  const busy = signal<ActionKind | null>(null);
  const timers = createTimers(options.clock);
  let pendingId: string | null = null;
  const settle = () => {
    busy.value = null;
    pendingId = null;
    timers.cancel('busy');
  };
  return {
    busy: busy as ReadonlySignal<ActionKind | null>,
    /** Sends with a fresh clientMessageId unless another request is still waiting. */
    start(kind: ActionKind, send: (clientMessageId: string) => boolean): boolean {
      if (busy.value) return false;
      const id = options.newId();
      if (!send(id)) return false;
      pendingId = id;
      busy.value = kind;
      timers.later('busy', actionTimeoutMs, settle);
      return true;
    },
    /** The conversation changed (the answer), or the server refused this request. */
    settle(clientMessageId?: string) {
      if (clientMessageId === undefined || clientMessageId === pendingId) settle();
    },
    dispose: timers.dispose,
  };
}
