import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './signing';

const secret = 'site-secret';
const body = '{"event":"claimed"}';
const timestamp = '1741615200';
const nowMs = 1741615200_000;
const header = `sha256=${signWebhook(secret, timestamp, body)}`;

describe('verifyWebhookSignature', () => {
  it('accepts a signature over the timestamp and raw body within the tolerance, either side of the clock', () => {
    expect(verifyWebhookSignature(secret, timestamp, body, header, nowMs)).toBe(true);
    expect(verifyWebhookSignature(secret, timestamp, body, header, nowMs + 300_000)).toBe(true);
    expect(verifyWebhookSignature(secret, timestamp, body, header, nowMs - 300_000)).toBe(true);
  });

  it.each([
    ['a replay older than the tolerance', secret, timestamp, body, header, nowMs + 301_000],
    ['a timestamp too far in the future', secret, timestamp, body, header, nowMs - 301_000],
    ['another secret', 'other-secret', timestamp, body, header, nowMs],
    ['a changed body', secret, timestamp, '{"event":"resolved"}', header, nowMs],
    ['a changed timestamp', secret, '1741615201', body, header, nowMs],
    ['a missing signature', secret, timestamp, body, undefined, nowMs],
    ['a signature without the sha256= prefix', secret, timestamp, body, header.slice(7), nowMs],
    ['a truncated signature', secret, timestamp, body, header.slice(0, -2), nowMs],
    ['a missing timestamp', secret, undefined, body, header, nowMs],
    ['a timestamp that is not a number of seconds', secret, '1741615200.0', body, header, nowMs],
  ])('rejects %s', (_case, key, ts, raw, sig, at) => {
    expect(verifyWebhookSignature(key, ts, raw, sig, at)).toBe(false);
  });
});
