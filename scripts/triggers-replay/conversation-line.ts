import * as z from 'zod/mini';
import { TriggerId } from '../../shared/entities';
import type { HandoffInput } from '../../server/domain/handoff-decision';
import type { ReplayResult } from '../../server/domain/triggers';

// The line format of shared/data/README.md.
const TurnLine = z.object({
  from: z.enum(['visitor', 'bot']),
  text: z.string(),
  confidence: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1)))),
  fallback: z.optional(z.boolean()),
  toolError: z.optional(z.boolean()),
  intent: z.optional(z.string()),
});

const VisitorLine = z.object({
  tags: z._default(z.array(z.string()), []),
  attributes: z._default(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])), {}),
  locale: z._default(z.string(), 'en'),
  verified: z._default(z.boolean(), false),
  page: z.optional(z.string()),
});

export const Expectation = z.object({
  escalate: z.boolean(),
  trigger: z.optional(TriggerId),
  queue: z.optional(z.string()),
  atTurn: z.optional(z.number().check(z.int(), z.gte(0))),
});
export type Expectation = z.infer<typeof Expectation>;

const ConversationLine = z.object({
  id: z.string().check(z.minLength(1)),
  visitor: z.prefault(VisitorLine, {}),
  turns: z.array(TurnLine),
  expect: z.optional(Expectation),
});

export interface RecordedConversation {
  id: string;
  input: HandoffInput;
  expect?: Expectation;
}

export type ParsedLine = { ok: true; conversation: RecordedConversation } | { ok: false; error: string };

/** One JSONL line to an engine input; the error names the first problem in words. */
export function parseConversationLine(line: string): ParsedLine {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  const parsed = ConversationLine.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const { id, visitor, turns, expect } = parsed.data;
  const input: HandoffInput = {
    visitor,
    turns: turns.map((t) => ({ ...t, confidence: t.confidence ?? undefined })),
  };
  return { ok: true, conversation: { id, input, ...(expect ? { expect } : {}) } };
}

/** The stdout line: what the engine decided, with queue and urgency only when it escalated. */
export function toOutputLine(id: string, { decision, atTurn }: ReplayResult): string {
  return JSON.stringify({
    id,
    escalate: decision.escalate,
    triggers: decision.triggers.map((t) => t.trigger),
    queue: decision.escalate ? decision.queue : null,
    urgency: decision.escalate ? decision.urgency : null,
    atTurn: decision.escalate ? atTurn : null,
    missingFacts: decision.missingFacts,
    // What each trigger matched, as the operator sees it: the rule or the closest example.
    evidence: decision.triggers.map((t) => `${t.trigger}: ${t.evidence}`),
  });
}
