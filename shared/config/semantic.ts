import * as z from 'zod/mini';
import { calibratedThresholds } from './semantic-thresholds';

/**
 * The semantic layer of the triggers: each turn is compared by meaning with labelled example
 * utterances (the bank in data/handoff-examples plus the site's own), in any language.
 */
const Threshold = z.object({
  /** The label's score (mean similarity of its closest examples) must reach this… */
  min: z.number().check(z.gte(0), z.lte(1)),
  /** …and beat the closest examples that must not escalate by this much. */
  margin: z.number().check(z.gte(-1), z.lte(1)),
  /** Or the bank's trained head gives the label at least this probability (labels of the bank only). */
  head: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /**
   * A head's hit also needs the label's own examples to beat the rivals (the non-escalating examples
   * and the plain issue types) by this much: the head is sure of itself far from anything it learned.
   */
  headMargin: z.optional(z.number().check(z.gte(-1), z.lte(1))),
});
export type SemanticThresholdConfig = z.infer<typeof Threshold>;

/** A reason or topic id ("refund", "human_request") or `none` for a sentence that must not escalate. */
export const ExampleLabelId = z
  .string()
  .check(z.regex(/^[a-z0-9_-]{1,40}$/, 'Name a topic or reason id: 1 to 40 lowercase letters, digits, - or _.'));

export const SiteExample = z.object({
  label: ExampleLabelId,
  text: z
    .string()
    .check(
      z.trim(),
      z.minLength(3, 'An example sentence needs at least 3 characters.'),
      z.maxLength(300, 'Keep an example sentence to 300 characters; split a longer one.'),
    ),
});
export type SiteExample = z.infer<typeof SiteExample>;

export const SemanticConfig = z.object({
  enabled: z._default(z.boolean(), true),
  /** Per label; `default` applies to labels not listed (a site's own topics). Set on a calibration split. */
  thresholds: z._default(z.record(z.string(), Threshold), calibratedThresholds.thresholds),
  /** A keyword hit is dropped when the turn is this much closer to the non-escalating examples than to its label; null: never. */
  veto: z._default(z.nullable(z.number().check(z.gte(0), z.lte(1))), calibratedThresholds.veto),
  /** A visitor turn at least this similar to an earlier one restates the same need (towards repeated failure); null: off. */
  restates: z._default(z.nullable(z.number().check(z.gte(0), z.lte(1))), calibratedThresholds.restates),
  /**
   * A reason that only leans one way (the head's probability at least `head`, its examples ahead of
   * the rivals by `margin`) counts when something else backs it: a visitor still asking after the
   * bot's answer (a person, frustration), or a rule's weak sign beside it (shouting, "!!!", an angry
   * face, for frustration). Null: off. Chosen on the calibration conversations, not searched by
   * `npm run calibrate` (see the README's judgement section).
   */
  lean: z._default(z.nullable(z.object({ head: z.number().check(z.gte(0), z.lte(1)), margin: z.number().check(z.gte(-1), z.lte(1)) })), {
    head: 0.5,
    margin: 0,
  }),
  /** "Teach by example": the site's own sentences, applied to the next message. */
  examples: z._default(z.array(SiteExample).check(z.maxLength(500, 'A site keeps at most 500 example sentences; remove some first.')), []),
});
export type SemanticConfig = z.infer<typeof SemanticConfig>;
