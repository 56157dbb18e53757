import * as z from 'zod/mini';
import { MAX_MESSAGE_CHARS } from './protocol-version';

// The contract a site owner implements to plug their own bot into Baton. Baton POSTs a
// BotWebhookRequest as JSON and expects a BotWebhookResponse within the configured timeout.
// Every request is signed: verify it by computing hex HMAC-SHA256(siteSecret, `${timestamp}.${rawBody}`),
// comparing it in constant time with the signature header (after "sha256="), and rejecting
// timestamps more than five minutes from your clock, which stops replays.

export const BOT_WEBHOOK_TIMESTAMP_HEADER = 'x-baton-timestamp';
export const BOT_WEBHOOK_SIGNATURE_HEADER = 'x-baton-signature';

export const BotWebhookTurn = z.object({
  from: z.enum(['visitor', 'bot']),
  text: z.string(),
  confidence: z.optional(z.number()),
  fallback: z.optional(z.boolean()),
  toolError: z.optional(z.boolean()),
  intent: z.optional(z.string()),
});
export type BotWebhookTurn = z.infer<typeof BotWebhookTurn>;

/** Only what a bot needs to answer; tags and attributes come from verified identity only. */
export const BotWebhookVisitor = z.object({
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  locale: z.nullable(z.string()),
  page: z.nullable(z.string()),
  verified: z.boolean(),
  tags: z.array(z.string()),
});
export type BotWebhookVisitor = z.infer<typeof BotWebhookVisitor>;

export const BotWebhookRequest = z.object({
  siteId: z.string(),
  conversationId: z.string(),
  turns: z.array(BotWebhookTurn),
  visitor: BotWebhookVisitor,
});
export type BotWebhookRequest = z.infer<typeof BotWebhookRequest>;

// Fact names become field names in the stored conversation: no dots or dollar signs.
const FACT_KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FACTS = 20;

export const BotWebhookResponse = z
  .object({
    /** null only together with handoff: true, when the bot wants a person to take over without answering. */
    reply: z.nullable(z.string().check(z.minLength(1), z.maxLength(MAX_MESSAGE_CHARS))),
    confidence: z._default(z.nullable(z.number().check(z.gte(0), z.lte(1))), null),
    intent: z._default(z.nullable(z.string().check(z.maxLength(64))), null),
    /** What your bot found out ({ orderNumber: '48213', plan: 'pro' }): the trigger engine and the operator's case see it. */
    facts: z._default(
      z.record(z.string(), z.string().check(z.maxLength(500))).check(
        z.refine(
          (facts) => Object.keys(facts).every((name) => FACT_KEY.test(name)),
          'fact names are letters, digits and _, starting with a letter (at most 64)',
        ),
        z.refine((facts) => Object.keys(facts).length <= MAX_FACTS, `at most ${MAX_FACTS} facts`),
      ),
      {},
    ),
    handoff: z._default(z.boolean(), false),
    /** true when the reply is your bot's "I don't know": repeated fallbacks bring in a person. */
    fallback: z._default(z.boolean(), false),
    /**
     * When a tool your bot relies on failed, what failed ("order lookup timed out after 5 s"): a
     * person takes over (the tool_failure trigger) and the operator reads this. reply may then be null.
     */
    toolError: z._default(z.nullable(z.string().check(z.minLength(1), z.maxLength(500))), null),
  })
  .check(
    z.refine((r) => r.reply !== null || r.handoff || r.toolError !== null, {
      message: 'reply may be null only when handoff is true or toolError says what failed',
    }),
  );
export type BotWebhookResponse = z.infer<typeof BotWebhookResponse>;

// ---- AI agent tools: the model calls a site-defined tool, Baton POSTs it to the site's toolsUrl
// (signed exactly like the bot webhook) and gives the model the result. An `error`, a timeout or a
// body outside this contract is a tool failure: a person takes over, the model never guesses.

export const AgentToolRequest = z.object({
  siteId: z.string(),
  conversationId: z.string(),
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()),
});
export type AgentToolRequest = z.infer<typeof AgentToolRequest>;

export const AgentToolResponse = z.union([
  z.object({ result: z.unknown() }),
  /** What failed, for the operator ("order lookup timed out"). */
  z.object({ error: z.string().check(z.minLength(1), z.maxLength(500)) }),
]);
export type AgentToolResponse = z.infer<typeof AgentToolResponse>;
