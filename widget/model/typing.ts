import { type ReadonlySignal, signal } from '@preact/signals-core';
import type { Clock } from '../../frontend-common/clock';

const typingIdleMs = 4_000;
const operatorTypingMaxMs = 10_000;

export interface Typing {
  operatorTyping: ReadonlySignal<boolean>;
  operator(isTyping: boolean): void;
  /** The visitor's draft changed; `worthSending` when a person is involved and the socket is up. */
  visitor(draft: string, worthSending: boolean): void;
  /** The visitor sent or cleared the draft. */
  stop(): void;
  /** The socket is gone: nothing about typing is true any more. */
  reset(): void;
}

/** Typing in both directions: one `typing:true` per burst and a `false` after a pause, not a frame per key. */
export function createTyping(options: { clock: Clock; send(isTyping: boolean): boolean }): Typing {
  const { clock } = options;
  const operatorTyping = signal(false);
  let sent = false;
  let idleTimer: unknown = null;
  let operatorTimer: unknown = null;

  const stop = () => {
    clock.clearTimeout(idleTimer);
    if (sent) options.send(false);
    sent = false;
  };

  return {
    operatorTyping,
    operator(isTyping) {
      operatorTyping.value = isTyping;
      clock.clearTimeout(operatorTimer);
      // A lost "stopped typing" must not leave the indicator on forever.
      if (isTyping) operatorTimer = clock.setTimeout(() => (operatorTyping.value = false), operatorTypingMaxMs);
    },
    visitor(draft, worthSending) {
      if (!draft || !worthSending) return stop();
      if (!sent) sent = options.send(true);
      clock.clearTimeout(idleTimer);
      idleTimer = clock.setTimeout(stop, typingIdleMs);
    },
    stop,
    reset() {
      clock.clearTimeout(idleTimer);
      clock.clearTimeout(operatorTimer);
      sent = false;
      operatorTyping.value = false;
    },
  };
}
