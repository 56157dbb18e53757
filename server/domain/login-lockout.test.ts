import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, lockoutMs } from './login-lockout';

describe('sign-in lock-out back-off', () => {
  it('locks after the free failures, doubling up to a quarter of an hour', () => {
    expect(Array.from({ length: FREE_FAILURES - 1 }, (_, i) => lockoutMs(i + 1))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 30].map(lockoutMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });
});
