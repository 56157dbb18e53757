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
  suggestedReply: z.string(),
  updatedAt: z.string(),
});
export type CasePackage = z.infer<typeof CasePackage>;
