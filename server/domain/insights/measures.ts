import type { HandoffEpisode } from '../../entities/episode';

// Every figure Insights shows is built from these definitions, and so is the list of conversations
// behind it: the rollups count exactly the episodes the drill-down lists.

/** What an episode is: a handoff, a person barging in on the bot, or a conversation the bot ended alone. */
export type EpisodeKind = 'escalated' | 'barged_in' | 'bot_only';
export const kindOf = (e: HandoffEpisode): EpisodeKind => (e.startedBy === 'resolved' ? 'bot_only' : e.startedBy);
const handedOff = (e: HandoffEpisode) => e.startedBy !== 'resolved';
const ms = (d: Date | null | undefined) => (d ? new Date(d).getTime() : null);

/** When the episode opened (older episodes kept no startedAt: the first of their times). */
export function startOf(e: HandoffEpisode): Date | null {
  const at = e.startedAt ?? e.escalatedAt ?? e.claimedAt ?? e.resolvedAt ?? e.endedAt;
  return at ? new Date(at) : null;
}

/** The day an episode is counted under: the site-zone day it kept when it started, else (stored before) the UTC day of its start. */
export function dayOf(e: HandoffEpisode): string | null {
  return e.day ?? startOf(e)?.toISOString().slice(0, 10) ?? null;
}

/** The trigger an episode is filed under: the first that fired, or what opened it without one. */
export function triggerOf(e: HandoffEpisode): string {
  if (e.startedBy === 'resolved') return 'bot_only';
  if (e.startedBy === 'barged_in') return 'barge_in';
  return e.triggers[0]?.trigger ?? 'unknown';
}

const RANGE = (e: HandoffEpisode) => (e.waitEstimateShown?.kind === 'range' && e.actualWaitMs !== null ? e.waitEstimateShown : null);

/** Counted measures: does this episode count? `next` is the episode after it, if any. */
export const COUNTS = {
  episodes: () => true,
  escalated: (e) => e.startedBy === 'escalated',
  barged_in: (e) => e.startedBy === 'barged_in',
  bot_only: (e) => e.startedBy === 'resolved',
  claimed: (e) => handedOff(e) && e.claimedAt !== null,
  replied: (e) => handedOff(e) && e.firstHumanReplyAt !== null,
  resolved_by_person: (e) => handedOff(e) && e.outcome === 'resolved' && e.claimedAt !== null,
  returned_to_bot: (e) => e.outcome === 'returned_to_bot',
  abandoned: (e) => e.startedBy === 'escalated' && e.outcome === 'abandoned',
  callback: (e) => e.outcome === 'callback',
  transferred: (e) => e.transfers.length > 0,
  rated_handoff: (e) => handedOff(e) && e.rating !== null,
  rated_bot_only: (e) => e.startedBy === 'resolved' && e.rating !== null,
  missing_facts: (e) => handedOff(e) && e.factsMissing.length > 0,
  intent_corrected: (e) => handedOff(e) && (e.intentCorrectedTo ?? null) !== null,
  repeat_explanation: (e) => handedOff(e) && ((e.repeats?.visitorRestated ?? 0) > 0 || (e.repeats?.operatorAsked ?? 0) > 0),
  repeat_by_visitor: (e) => handedOff(e) && (e.repeats?.visitorRestated ?? 0) > 0,
  repeat_by_operator: (e) => handedOff(e) && (e.repeats?.operatorAsked ?? 0) > 0,
  wait_promised: (e) => RANGE(e) !== null,
  wait_inside: (e) => {
    const r = RANGE(e);
    if (!r || e.actualWaitMs === null) return false;
    const minutes = e.actualWaitMs / 60_000;
    return minutes >= r.minMinutes && minutes <= r.maxMinutes;
  },
  reopened_24h: (e, next) => {
    const resolved = ms(e.resolvedAt);
    const reopened = ms(e.reopenedAt) ?? (next ? ms(startOf(next)) : null);
    return resolved !== null && reopened !== null && reopened - resolved <= 24 * 3_600_000;
  },
} satisfies Record<string, (e: HandoffEpisode, next: HandoffEpisode | undefined) => boolean>;
export type CountMeasure = keyof typeof COUNTS;

/** Summed values (not 0/1): the rating scores, for the average beside the number rated. */
export const SUMS = {
  rating_handoff: (e) => (handedOff(e) && e.rating ? e.rating.score : 0),
  rating_bot_only: (e) => (e.startedBy === 'resolved' && e.rating ? e.rating.score : 0),
} satisfies Record<string, (e: HandoffEpisode) => number>;
export type SumMeasure = keyof typeof SUMS;

/** Duration measures in ms, null when the episode has none; kept as bucket counts (buckets.ts). */
export const DURATIONS = {
  time_to_human: (e) => (e.startedBy === 'escalated' && e.actualWaitMs !== null ? e.actualWaitMs : null),
  time_to_first_reply: (e) => {
    const from = ms(e.escalatedAt);
    const to = ms(e.firstHumanReplyAt);
    return from !== null && to !== null ? to - from : null;
  },
  resolution_time: (e) => {
    const from = ms(e.escalatedAt);
    const to = ms(e.resolvedAt);
    return e.outcome === 'resolved' && e.claimedAt !== null && from !== null && to !== null ? to - from : null;
  },
  /** How far the wait was from the middle of the range promised. */
  wait_error: (e) => {
    const r = RANGE(e);
    if (!r || e.actualWaitMs === null) return null;
    return Math.abs(e.actualWaitMs - ((r.minMinutes + r.maxMinutes) / 2) * 60_000);
  },
} satisfies Record<string, (e: HandoffEpisode) => number | null>;
export type DurationMeasure = keyof typeof DURATIONS;

export type Measure = CountMeasure | DurationMeasure;
export const MEASURES = [...Object.keys(COUNTS), ...Object.keys(DURATIONS)] as Measure[];

/** Whether the episode is behind a figure: the drill-down lists exactly these. */
export function episodeCounts(measure: Measure, e: HandoffEpisode, next: HandoffEpisode | undefined): boolean {
  if (measure in COUNTS) return COUNTS[measure as CountMeasure](e, next);
  return DURATIONS[measure as DurationMeasure](e) !== null;
}
