// The circuit breaker that keeps a slow or absent embeddings service from holding up a turn.
// Pure: every function takes the time and returns the next state, so transitions are tested
// without a clock or a network.

export interface BackoffPolicy {
  /** Wait after the first failure before one probe call is let through. */
  baseMs: number;
  /** The wait doubles after each failed probe, up to this. */
  maxMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 2_000, maxMs: 30_000 };

export type BreakerState =
  | { kind: 'up'; since: number }
  | { kind: 'degraded'; since: number; reason: string; failures: number; retryAt: number };

/** call: the service is up; probe: degraded but the back-off is over, try once; skip: answer "unavailable" now. */
export type Admission = 'call' | 'probe' | 'skip';

export function initialBreaker(now: number): BreakerState {
  return { kind: 'up', since: now };
}

function backoffAfter(failures: number, policy: BackoffPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
}

/**
 * Whether a call may go out. A probe pushes retryAt one back-off ahead, so the calls that
 * arrive while it is in flight are skipped and a probe that never settles cannot wedge the breaker.
 */
export function admit(
  state: BreakerState,
  now: number,
  policy: BackoffPolicy = defaultBackoff,
): { admission: Admission; state: BreakerState } {
  if (state.kind === 'up') return { admission: 'call', state };
  if (now < state.retryAt) return { admission: 'skip', state };
  return { admission: 'probe', state: { ...state, retryAt: now + backoffAfter(state.failures, policy) } };
}

export function succeeded(state: BreakerState, now: number): BreakerState {
  return state.kind === 'up' ? state : { kind: 'up', since: now };
}

export function failed(state: BreakerState, now: number, reason: string, policy: BackoffPolicy = defaultBackoff): BreakerState {
  const failures = state.kind === 'degraded' ? state.failures + 1 : 1;
  const since = state.kind === 'degraded' ? state.since : now;
  return { kind: 'degraded', since, reason, failures, retryAt: now + backoffAfter(failures, policy) };
}
