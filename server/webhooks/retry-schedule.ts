import type { DeliverySettlement } from '../store/webhook-deliveries-store';
import type { AttemptOutcome } from './webhook-attempt';

/** The wait before each retry; its length is the number of retries. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];

/** What becomes of a delivery after its `attempt`-th attempt (counting from 1). */
export function settlementAfter(outcome: AttemptOutcome, attempt: number, retryDelaysMs: readonly number[], now: Date): DeliverySettlement {
  if (outcome.ok) return { status: 'delivered' };
  const delay = outcome.retry ? retryDelaysMs[attempt - 1] : undefined;
  if (delay === undefined) return { status: 'failed', lastProblem: outcome.problem };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + delay), lastProblem: outcome.problem };
}
