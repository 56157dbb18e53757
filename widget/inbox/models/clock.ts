import { type ReadonlySignal, signal } from '@preact/signals';

export interface Clock {
  now: ReadonlySignal<number>;
  stop(): void;
}

/** A ticking "now" for wait times; tests pass a plain signal instead. */
export function createClock(intervalMs = 1000): Clock {
  const now = signal(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  return { now, stop: () => clearInterval(timer) };
}
