import { randomBytes, randomUUID } from 'node:crypto';
import { BOT_WEBHOOK_SIGNATURE_HEADER, BOT_WEBHOOK_TIMESTAMP_HEADER } from '../../shared/bot-webhook';
import { signWebhook } from './signing';
import { Webhook } from 'standardwebhooks';
import type { Site } from '../entities/site';

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes, what receivers' verifiers take as is. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The secret outgoing requests of a site are signed with; a site stored before it had one signs with its identity secret's bytes. */
export const webhookSecretOf = (site: Pick<Site, 'secret' | 'webhookSecret'>): string => site.webhookSecret ?? site.secret;

function signer(secret: string): Webhook {
  return secret.startsWith('whsec_') ? new Webhook(secret) : new Webhook(Buffer.from(secret, 'utf8'), { format: 'raw' });
}

/**
 * The three headers of the Standard Webhooks specification: the message id (the same for every
 * retry of one delivery, so receivers dedupe on it), the send time in seconds, and `v1,<base64
 * HMAC-SHA256 of "id.timestamp.body">`.
 */
export function standardWebhookHeaders(
  secret: string,
  id: string,
  at: Date,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer(secret).sign(id, at, body),
  };
}

/**
 * What a receiver's verifier does, against a given clock (tests run on a fake one): the timestamp within
 * five minutes, and one of the space-separated signatures equal to the expected one.
 */
export function hasValidStandardSignature(secret: string, headers: Record<string, unknown>, body: string, nowMs: number): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = Number(headers['webhook-timestamp']);
  if (!id || !Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > 300) return false;
  const expected = signer(secret).sign(id, new Date(timestamp * 1000), body);
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .includes(expected);
}

/**
 * The headers of a request Baton sends a site's bot webhook or tools endpoint: the Standard Webhooks
 * three (a fresh id per request), plus Baton's earlier `x-baton-timestamp` / `x-baton-signature`
 * (HMAC of "timestamp.body" keyed by the same secret) so receivers written against them keep working.
 */
export function signedRequestHeaders(secret: string, body: string, nowMs: number): Record<string, string> {
  const at = new Date(nowMs);
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    ...standardWebhookHeaders(secret, `msg_${randomUUID()}`, at, body),
    [BOT_WEBHOOK_TIMESTAMP_HEADER]: timestamp,
    [BOT_WEBHOOK_SIGNATURE_HEADER]: `sha256=${signWebhook(secret, timestamp, body)}`,
  };
}
