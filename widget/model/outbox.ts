import { type ReadonlySignal, signal } from '@preact/signals-core';
import type { Message } from '../../shared/entities';
import type { ErrorCode } from '../../shared/errors';
import { RETRYABLE_ERRORS } from '../../shared/retryable-errors';
import type { Clock } from '../../frontend-common/clock';
import type { OutboxEntry, VisitorStore } from './visitor-storage';

const rateLimitRetryMs = 5_000;

/**
 * Messages the visitor typed, kept (and persisted) until the server confirms each by its
 * clientMessageId: never lost while offline, sent once per socket, and never doubled, because the
 * server answers a repeated clientMessageId with the message it already has.
 */
export interface Outbox {
  entries: ReadonlySignal<OutboxEntry[]>;
  add(text: string): void;
  /** Clears the entries these messages confirm. */
  acknowledge(messages: readonly Message[]): void;
  /** Sends what this socket has not sent yet. */
  flush(): void;
  /** A new socket: everything unconfirmed goes again on the next flush. */
  forgetSent(): void;
  /**
   * The server refused one of ours: true when the id was an outbox entry. A retryable refusal
   * (throttled, server overloaded or busy) goes again by itself after `retryAfterMs`.
   */
  refused(clientMessageId: string | undefined, code: ErrorCode, retryAfterMs?: number): boolean;
  retry(clientMessageId: string): void;
  /** Another tab changed the stored queue. */
  reload(): void;
  /** A different person now: nothing the previous one typed is shown or sent as theirs. */
  discard(): void;
  dispose(): void;
}

export function createOutbox(options: { store: VisitorStore; clock: Clock; newId(): string; send(entry: OutboxEntry): boolean }): Outbox {
  const { store, clock } = options;
  const entries = signal<OutboxEntry[]>(store.outbox());
  const sentOnThisSocket = new Set<string>();
  let retryTimer: unknown = null;

  const update = (change: (list: OutboxEntry[]) => OutboxEntry[]) => {
    entries.value = store.updateOutbox(change);
  };
  const setFailed = (id: string, failed: boolean) => update((list) => list.map((e) => (e.clientMessageId === id ? { ...e, failed } : e)));

  function flush() {
    for (const entry of entries.value) {
      if (entry.failed || sentOnThisSocket.has(entry.clientMessageId)) continue;
      if (!options.send(entry)) return;
      sentOnThisSocket.add(entry.clientMessageId);
    }
  }

  return {
    entries,
    add(text) {
      const entry = { clientMessageId: options.newId(), text, createdAt: new Date(clock.now()).toISOString() };
      update((list) => [...list, entry]);
    },
    acknowledge(messages) {
      const ids = new Set(messages.filter((m) => m.sender.kind === 'visitor').map((m) => m.clientMessageId));
      if (entries.value.some((e) => ids.has(e.clientMessageId))) update((list) => list.filter((e) => !ids.has(e.clientMessageId)));
    },
    flush,
    forgetSent: () => sentOnThisSocket.clear(),
    refused(clientMessageId, code, retryAfterMs) {
      if (!entries.value.some((e) => e.clientMessageId === clientMessageId) || !clientMessageId) return false;
      sentOnThisSocket.delete(clientMessageId);
      if (!RETRYABLE_ERRORS.includes(code)) setFailed(clientMessageId, true);
      else if (retryTimer === null) {
        retryTimer = clock.setTimeout(() => {
          retryTimer = null;
          flush();
        }, retryAfterMs ?? rateLimitRetryMs);
      }
      return true;
    },
    retry(clientMessageId) {
      setFailed(clientMessageId, false);
      sentOnThisSocket.delete(clientMessageId);
      flush();
    },
    reload() {
      entries.value = store.outbox();
    },
    discard() {
      sentOnThisSocket.clear();
      update(() => []);
    },
    dispose() {
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
    },
  };
}
