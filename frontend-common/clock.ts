/** Time and timers, injected so models and the socket client run under a fake clock in tests. */
export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Timers by name: setting one again replaces it, and dispose clears them all. */
export function createTimers(clock: Clock) {
  const timers = new Map<string, unknown>();
  const cancel = (name: string) => {
    clock.clearTimeout(timers.get(name));
    timers.delete(name);
  };
  return {
    later(name: string, ms: number, run: () => void) {
      cancel(name);
      timers.set(name, clock.setTimeout(run, ms));
    },
    cancel,
    dispose: () => [...timers.keys()].forEach(cancel),
  };
}
