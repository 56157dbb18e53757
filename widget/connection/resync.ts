import { type ReadonlySignal, signal } from '@preact/signals-core';
import { backoffDelay } from '../../frontend-common/backoff';
import type { Clock } from '../../frontend-common/clock';

export const resyncTimeoutMs = 8_000;

/** Fetching missed messages (`resume` -> `history`), shown when it fails and retried with backoff. */
export interface Resync {
  failed: ReadonlySignal<boolean>;
  /** Asks for every message after `afterSeq`; repeated until `history` arrives. */
  request(afterSeq: number): void;
  succeeded(): void;
  /** Something else failed to sync (no `welcome`): show it until the next success. */
  fail(): void;
  /** The socket is gone: stop the timers, remember what is still missing. */
  pause(): void;
  /** A `welcome` arrived: ask again for anything still missing, or clear the failure. */
  resumeAfterWelcome(): void;
}

export function createResync(options: { clock: Clock; random: () => number; send(afterSeq: number): boolean }): Resync {
  const { clock } = options;
  const failed = signal(false);
  let wanted: number | null = null;
  let attempt = 0;
  let timer: unknown = null;

  const stopTimer = () => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  };
  function tryNow() {
    stopTimer();
    // Offline: the next welcome brings what follows its afterSeq, and resumeAfterWelcome asks again.
    if (wanted === null || !options.send(wanted)) return;
    timer = clock.setTimeout(() => {
      failed.value = true;
      timer = clock.setTimeout(tryNow, backoffDelay(attempt++, options.random()));
    }, resyncTimeoutMs);
  }

  return {
    failed,
    request(afterSeq) {
      wanted = wanted === null ? afterSeq : Math.min(wanted, afterSeq);
      tryNow();
    },
    succeeded() {
      stopTimer();
      wanted = null;
      attempt = 0;
      failed.value = false;
    },
    fail() {
      failed.value = true;
    },
    pause: stopTimer,
    resumeAfterWelcome() {
      if (wanted === null) failed.value = false;
      else tryNow();
    },
  };
}
