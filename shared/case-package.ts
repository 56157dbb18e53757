import * as z from 'zod/mini';
import { TriggerId, Urgency } from './entities';

export const FiredTrigger = z.object({
  trigger: TriggerId,
  /** The words or signal that matched, quoted for the operator. */
  evidence: z.string(),
});
export type FiredTrigger = z.infer<typeof FiredTrigger>;

export const BotAttempt = z.object({
  text: z.string(),
  confidence: z.nullable(z.number()),
  fallback: z.boolean(),
  toolError: z.boolean(),
});
export type BotAttempt = z.infer<typeof BotAttempt>;

export const VisitorProfile = z.object({
  name: z.nullable(z.string()),
  email: z.nullable(z.string()),
  verified: z.boolean(),
  locale: z.nullable(z.string()),
  timeZone: z.nullable(z.string()),
  page: z.nullable(z.string()),
  referrer: z.nullable(z.string()),
  tags: z.array(z.string()),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  earlierConversations: z.number(),
});
export type VisitorProfile = z.infer<typeof VisitorProfile>;

/** How suggested replies sound: the site's voice, set in its configuration. */
export const ReplyTone = z.enum(['friendly', 'formal']);
export type ReplyTone = z.infer<typeof ReplyTone>;

export const CasePackage = z.object({
  /** Two lines: what the visitor wants; what the bot tried and why it escalated. */
  summary: z.tuple([z.string(), z.string()]),
  intent: z.string(),
  intentCorrection: z.nullable(z.object({ from: z.string(), to: z.string(), by: z.string(), at: z.string() })),
  triggers: z.array(FiredTrigger),
  queue: z.string(),
  /** Why this queue: the handover rule that matched, or 'default'. */
  routingRule: z.string(),
  visitor: VisitorProfile,
  facts: z.record(z.string(), z.string()),
  botAttempts: z.array(BotAttempt),
  urgency: Urgency,
  flags: z.array(z.string()),
  missingFacts: z.array(z.string()),
  /** The reply for the main reason; `suggestedReplies` has one per reason that fired. */
  suggestedReply: z.string(),
  suggestedReplies: z._default(z.array(z.object({ trigger: z.nullable(TriggerId), text: z.string() })), []),
  /** The site's tone when the package was built; refreshes keep it. */
  replyTone: z._default(ReplyTone, 'friendly'),
  /** Written by the site's AI agent (its hand_off summary, its first reply): shown instead of the templates, which stay the fallback. */
  modelNotes: z._default(
    z.nullable(z.object({ summary: z.optional(z.tuple([z.string(), z.string()])), suggestedReply: z.optional(z.string()) })),
    null,
  ),
  updatedAt: z.string(),
});
export type CasePackage = z.infer<typeof CasePackage>;
