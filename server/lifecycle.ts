import type { Phase } from './domain/readiness';

/** The process's phase, set by main.ts and read by /readyz: one small mutable cell at the shell's edge. */
export interface Lifecycle {
  phase(): Phase;
  serving(): void;
  draining(): void;
}

export function createLifecycle(initial: Phase = 'starting'): Lifecycle {
  let current = initial;
  return {
    phase: () => current,
    serving() {
      if (current === 'starting') current = 'serving';
    },
    draining() {
      current = 'draining';
    },
  };
}
