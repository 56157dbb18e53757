import { type ReadonlySignal, signal } from '@preact/signals';

/** Not a clock (that is frontend-common/clock.ts): a signal of the current time that re-renders wait times. */
export interface TickingNow {
  now: ReadonlySignal<number>;
  stop(): void;
}

/** A ticking "now" for wait times; tests pass a plain signal instead. */
export function createTickingNow(intervalMs = 1000): TickingNow {
  const now = signal(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  return { now, stop: () => clearInterval(timer) };
}
