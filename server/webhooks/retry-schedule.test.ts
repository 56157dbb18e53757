import { describe, expect, it } from 'vitest';
import { settlementAfter } from './retry-schedule';

const now = new Date('2025-03-10T14:00:00.000Z');
const delays = [1_000, 5_000];
const later = (ms: number) => new Date(now.getTime() + ms);

describe('settlementAfter', () => {
  it.each([
    ['a 2xx', { ok: true as const, status: 204 }, 1, { status: 'delivered' }],
    [
      'a retryable failure on the first attempt',
      { ok: false as const, retry: true, problem: 'HTTP 500' },
      1,
      { status: 'pending', nextAttemptAt: later(1_000), lastProblem: 'HTTP 500' },
    ],
    [
      'a retryable failure on the second attempt',
      { ok: false as const, retry: true, problem: 'HTTP 503' },
      2,
      { status: 'pending', nextAttemptAt: later(5_000), lastProblem: 'HTTP 503' },
    ],
    [
      'a retryable failure once the retries are spent',
      { ok: false as const, retry: true, problem: 'HTTP 503' },
      3,
      { status: 'failed', lastProblem: 'HTTP 503' },
    ],
    [
      'a failure that is not retried',
      { ok: false as const, retry: false, problem: 'HTTP 410' },
      1,
      { status: 'failed', lastProblem: 'HTTP 410' },
    ],
  ])('settles %s', (_case, outcome, attempt, expected) => {
    expect(settlementAfter(outcome, attempt, delays, now)).toEqual(expected);
  });
});
