// Per-account sign-in lock-out beside the per-address rate limit: a slow brute force from many
// addresses still stops. The same answer for every email, known or not, so it reveals no account.

/** Failed sign-ins in a row allowed before the first lock. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 15 * 60_000;

/** How long the account stays locked after its `failures`-th failure in a row: doubling, capped. */
export function lockoutMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCK_MS);
}
