import * as z from 'zod/mini';
import { ExampleLabelId } from './config/semantic';

// The weekly review sample: recent handoffs per trigger and bot-only conversations, drawn the same
// way every time for a site and ISO week, which an admin marks right or wrong. How it is drawn and
// what the marks give: README "Handoff measures".

/** An ISO week, as 2026-W49. */
export const IsoWeek = z.string().check(z.regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'must be an ISO week as YYYY-Www, such as 2026-W49'));

export const ReviewSampleQuery = z.object({
  /** The week whose episodes are sampled; the current week when absent. */
  week: z.optional(IsoWeek),
});
export type ReviewSampleQuery = z.infer<typeof ReviewSampleQuery>;

/** For a handoff: was handing off right? For a bot-only conversation: was keeping it with the bot right? */
export const ReviewVerdict = z.enum(['right', 'wrong']);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

export const ReviewMark = z.object({
  verdict: ReviewVerdict,
  by: z.string(),
  at: z.string(),
  /** The label of the site example this mark became, if it did (the sentence is the item's visitorTurn; the mark keeps no visitor words). */
  example: z.nullable(z.object({ label: z.string() })),
});
export type ReviewMark = z.infer<typeof ReviewMark>;

export const ReviewItem = z.object({
  /** The episode: `${conversationId}#${number}`. */
  episodeId: z.string(),
  conversationId: z.string(),
  episode: z.number(),
  /** The trigger it is filed under; `bot_only` for a conversation the bot ended alone. */
  trigger: z.string(),
  startedAt: z.string(),
  visitorName: z.nullable(z.string()),
  /** The visitor's last turn before the handoff (or before the bot ended it): what an example would be made of. */
  visitorTurn: z.nullable(z.string()),
  outcome: z.nullable(z.string()),
  mark: z.nullable(ReviewMark),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

export const ReviewSampleResponse = z.object({
  week: z.string(),
  /** First and last day (UTC) of the week. */
  from: z.string(),
  to: z.string(),
  /** The week before, and the week after unless it is yet to come: to page through earlier samples. */
  previousWeek: z.string(),
  nextWeek: z.nullable(z.string()),
  size: z.object({ perTrigger: z.number(), botOnly: z.number() }),
  items: z.array(ReviewItem),
});
export type ReviewSampleResponse = z.infer<typeof ReviewSampleResponse>;

const EpisodeId = z.string().check(z.regex(/^[^#]{1,100}#\d{1,4}$/, 'must be an episode id as <conversationId>#<number>'));

export const MarkReviewBody = z.object({ episodeId: EpisodeId, verdict: ReviewVerdict });
export type MarkReviewBody = z.infer<typeof MarkReviewBody>;

export const ReviewExampleBody = z.object({
  episodeId: EpisodeId,
  /** For a missed handoff (a bot-only conversation marked wrong): the reason or topic it should have gone to a person for. A wrong handoff becomes `none`. */
  label: z.optional(ExampleLabelId),
});
export type ReviewExampleBody = z.infer<typeof ReviewExampleBody>;

export const ReviewItemResponse = z.object({ item: ReviewItem });
export type ReviewItemResponse = z.infer<typeof ReviewItemResponse>;
