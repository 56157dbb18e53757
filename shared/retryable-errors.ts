import type { ErrorCode } from './errors';

/**
 * Refusals that applied nothing and are worth repeating later, unchanged (after the error's
 * retryAfterMs when it has one). Apart from errors.ts so the widget gets it without zod.
 */
export const RETRYABLE_ERRORS: readonly ErrorCode[] = ['rate_limited', 'overloaded', 'busy', 'db_unavailable'];
