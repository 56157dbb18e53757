import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One signing scheme for every request Baton sends a site (bot webhook, handoff webhook): hex
 * HMAC-SHA256 of `${timestamp}.${body}`; binding the timestamp stops a captured request being replayed later.
 */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * What a receiver runs before trusting a delivery: the timestamp must be within `toleranceSeconds`
 * of its clock (either way, for skew), so a captured request cannot be replayed later, and the
 * signature must match the raw body, compared in constant time. It does not dedupe: a retry is
 * validly signed too, so a receiver also keeps the x-baton-delivery ids it has seen (ten minutes
 * or more) and answers 2xx to a repeat without acting on it again.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | undefined,
  body: string,
  signatureHeader: string | undefined,
  nowMs: number,
  toleranceSeconds = 300,
): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signatureHeader?.startsWith('sha256=')) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const given = Buffer.from(signatureHeader.slice('sha256='.length), 'utf8');
  const expected = Buffer.from(signWebhook(secret, timestamp, body), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
