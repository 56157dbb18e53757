import * as z from 'zod/mini';

// Insights: the handoff measures of one site (admins) or of one operator's own work, over a range of
// days. How each figure is computed: README "Handoff measures".

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD'));

export const InsightsQuery = z.object({
  /** First and last day (UTC), inclusive; the last 30 days when absent. */
  from: z.optional(day),
  to: z.optional(day),
  queue: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  trigger: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type InsightsQuery = z.infer<typeof InsightsQuery>;

/** The measures a figure can be drilled into (server/domain/insights/measures.ts defines each). */
export const InsightsMeasure = z.enum([
  'episodes',
  'escalated',
  'barged_in',
  'bot_only',
  'claimed',
  'replied',
  'resolved_by_person',
  'returned_to_bot',
  'abandoned',
  'callback',
  'transferred',
  'rated_handoff',
  'rated_bot_only',
  'missing_facts',
  'intent_corrected',
  'repeat_explanation',
  'repeat_by_visitor',
  'repeat_by_operator',
  'wait_promised',
  'wait_inside',
  'reopened_24h',
  'time_to_human',
  'time_to_first_reply',
  'resolution_time',
  'wait_error',
]);
export type InsightsMeasure = z.infer<typeof InsightsMeasure>;

export const InsightsConversationsQuery = z.extend(InsightsQuery, { measure: InsightsMeasure });
export type InsightsConversationsQuery = z.infer<typeof InsightsConversationsQuery>;

const Rate = z.object({ count: z.number(), of: z.number(), rate: z.nullable(z.number()) });
/** Seconds. */
const Quantiles = z.object({ count: z.number(), p50: z.nullable(z.number()), p90: z.nullable(z.number()) });
const Breakdown = z.array(z.object({ key: z.string(), count: z.number() }));
const Satisfaction = z.object({ rated: z.number(), average: z.nullable(z.number()) });

export const InsightsFigures = z.object({
  conversations: z.number(),
  handoffs: z.number(),
  escalationRate: Rate,
  timeToHuman: Quantiles,
  timeToFirstReply: Quantiles,
  resolutionTime: Quantiles,
  byTrigger: Breakdown,
  byQueue: Breakdown,
  byLanguage: Breakdown,
  satisfaction: z.object({ handoff: Satisfaction, botOnly: Satisfaction }),
  missingFacts: Rate,
  intentCorrection: Rate,
  repeatExplanation: z.extend(Rate, { byVisitor: z.number(), byOperator: z.number() }),
  abandonment: Rate,
  waitAccuracy: z.object({ promised: z.number(), inside: Rate, errorP50: z.nullable(z.number()), errorP90: z.nullable(z.number()) }),
  scorecard: z.array(
    z.object({
      trigger: z.string(),
      handoffs: z.number(),
      resolvedByPerson: z.number(),
      returnedToBot: z.number(),
      rated: z.number(),
      reopened24h: z.number(),
    }),
  ),
  /** Per day (UTC) in the range, for the chart: handoffs, bot-only conversations, time to human p50 (s). */
  daily: z.array(z.object({ day: z.string(), handoffs: z.number(), botOnly: z.number(), timeToHumanP50: z.nullable(z.number()) })),
  /** Per trigger, from the weekly review marks: share marked right. */
  precision: z.array(z.object({ trigger: z.string(), right: z.number(), wrong: z.number(), precision: z.nullable(z.number()) })),
});
export type InsightsFigures = z.infer<typeof InsightsFigures>;

export const InsightsResponse = z.object({
  /** 'site': every episode of the site (admins); 'mine': the episodes this operator took. */
  scope: z.enum(['site', 'mine']),
  from: z.string(),
  to: z.string(),
  figures: InsightsFigures,
});
export type InsightsResponse = z.infer<typeof InsightsResponse>;

export const InsightsConversation = z.object({
  conversationId: z.string(),
  episode: z.number(),
  startedAt: z.string(),
  visitorName: z.nullable(z.string()),
  trigger: z.string(),
  queue: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  rating: z.nullable(z.object({ score: z.number(), comment: z.nullable(z.string()) })),
});
export type InsightsConversation = z.infer<typeof InsightsConversation>;

export const InsightsConversationsResponse = z.object({
  conversations: z.array(InsightsConversation),
  /** True when more episodes match than the 100 listed. */
  more: z.boolean(),
});
export type InsightsConversationsResponse = z.infer<typeof InsightsConversationsResponse>;

/** The CSV export (text/csv): one row per figure, `figure,group,value,count,of`. */
export const InsightsCsv = z.string();
