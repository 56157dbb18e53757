import * as z from 'zod/mini';
import { ConversationState, TriggerId, Urgency } from './entities';

// What a site receives at config.webhook.url when a conversation changes hands: one POST per
// event, a HandoffWebhookPayload as JSON (format 'json') or a SlackMessage (format 'slack').
//
// Signed as the Standard Webhooks specification says (standardwebhooks.com), with the site's webhook
// signing secret (`whsec_…`, separate from the identity secret): `webhook-id` (the delivery id, the same
// on every retry), `webhook-timestamp` (seconds) and `webhook-signature` ("v1,<base64 HMAC-SHA256 of
// `${id}.${timestamp}.${rawBody}`>"). Any Standard Webhooks verifier checks it (the `standardwebhooks`
// npm/PyPI packages, Svix's libraries). A receiver should
//   1. verify over the raw bytes before parsing JSON (the verifiers also refuse a timestamp more than
//      five minutes from their clock, which stops replays of a captured request);
//   2. answer 2xx at once and drop a repeated webhook-id: a retry carries the same id and body with a
//      fresh timestamp and signature. Keep seen ids for at least ten minutes (the default retry schedule
//      spans under four).
// 429 and 5xx answers, timeouts and network errors are retried; other statuses and redirects are not.
// Retries make the order of arrival unreliable (an event may overtake an earlier one): order by occurredAt.

export const HANDOFF_WEBHOOK_VERSION = 1;

export const HANDOFF_WEBHOOK_HEADERS = {
  event: 'x-baton-event',
  delivery: 'x-baton-delivery',
  /** Standard Webhooks (standardwebhooks.com): the message id, seconds since the epoch, `v1,<base64 HMAC-SHA256>`. */
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

/** The same list as OutgoingWebhookConfig['events']; server/webhooks/payload.ts fails to compile if they drift. */
export const HandoffEvent = z.enum(['escalated', 'claimed', 'resolved', 'callback_requested']);
export type HandoffEvent = z.infer<typeof HandoffEvent>;

/**
 * No operator ids or emails, no visitor email or transcript: this often lands in a chat channel.
 * The inbox link (only when PUBLIC_URL is set) leads to everything else, behind a login.
 */
export const HandoffWebhookPayload = z.object({
  version: z.literal(HANDOFF_WEBHOOK_VERSION),
  /** The same on every retry of one delivery: drop repeats. */
  deliveryId: z.string(),
  event: HandoffEvent,
  siteId: z.string(),
  conversationId: z.string(),
  occurredAt: z.iso.datetime(),
  queue: z.nullable(z.string()),
  /** The conversation's state when the event was sent. */
  state: ConversationState,
  urgency: Urgency,
  triggers: z.array(TriggerId),
  /** Why a person is needed: the case summary's second line (what the bot tried), else the handoff topic. */
  reason: z.nullable(z.string()),
  operator: z.nullable(z.object({ name: z.string() })),
  visitorName: z.nullable(z.string()),
  inboxUrl: z.optional(z.url()),
});
export type HandoffWebhookPayload = z.infer<typeof HandoffWebhookPayload>;

const MrkdwnText = z.object({ type: z.literal('mrkdwn'), text: z.string().check(z.maxLength(3000)) });

/** The subset of Slack's incoming-webhook message Baton sends; `text` is also the notification fallback. */
export const SlackMessage = z.object({
  text: z.string(),
  blocks: z.optional(
    z.array(
      z.union([
        z.object({ type: z.literal('section'), text: MrkdwnText }),
        z.object({ type: z.literal('context'), elements: z.array(MrkdwnText) }),
      ]),
    ),
  ),
});
export type SlackMessage = z.infer<typeof SlackMessage>;
