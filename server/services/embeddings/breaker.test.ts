import { describe, expect, it } from 'vitest';
import { admit, type BreakerState, failed, initialBreaker, succeeded } from './breaker';

const policy = { baseMs: 2_000, maxMs: 30_000 };

describe('embeddings circuit breaker', () => {
  it('lets every call through while up', () => {
    const state = initialBreaker(0);
    expect(admit(state, 5, policy)).toEqual({ admission: 'call', state });
  });

  it('skips calls during the back-off after a failure, then lets one probe through', () => {
    const down = failed(initialBreaker(0), 1_000, 'refused', policy);
    expect(down).toEqual({ kind: 'degraded', since: 1_000, reason: 'refused', failures: 1, retryAt: 3_000 });
    expect(admit(down, 2_999, policy).admission).toBe('skip');
    const probing = admit(down, 3_000, policy);
    expect(probing.admission).toBe('probe');
    // A second caller while the probe is in flight does not pile on.
    expect(admit(probing.state, 3_010, policy).admission).toBe('skip');
  });

  it('doubles the back-off after each failed probe, up to the maximum, and keeps the first since', () => {
    let state: BreakerState = initialBreaker(0);
    const waits: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      state = failed(state, now, 'timeout', policy);
      if (state.kind !== 'degraded') throw new Error('expected degraded');
      waits.push(state.retryAt - now);
      now = state.retryAt;
      state = admit(state, now, policy).state;
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(state.since).toBe(0);
  });

  it('recovers on the first success and starts a new up period', () => {
    const down = failed(initialBreaker(0), 100, 'refused', policy);
    const probe = admit(down, 2_100, policy).state;
    const up = succeeded(probe, 2_150);
    expect(up).toEqual({ kind: 'up', since: 2_150 });
    expect(admit(up, 2_151, policy).admission).toBe('call');
    // After recovery, a new failure starts again from the base back-off.
    expect(failed(up, 3_000, 'x', policy)).toMatchObject({ failures: 1, retryAt: 5_000, since: 3_000 });
  });

  it('a success while up changes nothing', () => {
    const state = initialBreaker(7);
    expect(succeeded(state, 99)).toBe(state);
  });

  it('a probe that never settles does not wedge the breaker: another probe follows one back-off later', () => {
    const down = failed(initialBreaker(0), 0, 'timeout', policy);
    const first = admit(down, 2_000, policy);
    expect(first.admission).toBe('probe');
    expect(admit(first.state, 3_999, policy).admission).toBe('skip');
    expect(admit(first.state, 4_000, policy).admission).toBe('probe');
  });
});
