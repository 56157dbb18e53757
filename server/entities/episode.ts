import type { FiredTrigger } from '../../shared/case-package';
import type { WaitEstimate } from '../../shared/entities';

/** One handoff episode of a conversation, kept whole after the conversation reopens (domain/episodes.ts). */
export type EpisodeOutcome = 'returned_to_bot' | 'resolved' | 'abandoned' | 'callback';

export interface HandoffEpisode {
  /** 1-based, in order. */
  number: number;
  /** What opened it: an escalation, an operator barging in on the bot, or a resolution with no handoff (bot only). */
  startedBy: 'escalated' | 'barged_in' | 'resolved';
  /** When it opened; absent on episodes stored before it was kept (then the first of its times). */
  startedAt?: Date;
  /**
   * The day Insights counts it under (YYYY-MM-DD in the site's time zone when it started), kept so a
   * later change (a rating, a transfer) moves the same day's counters even if the site's zone changed
   * since. Absent on episodes stored before it was kept: then the UTC day of its start, as they were counted.
   */
  day?: string;
  escalatedAt: Date | null;
  triggers: FiredTrigger[];
  queue: string | null;
  /** The handover rule that chose the queue ('default' when none matched). */
  rule: string | null;
  intent: string | null;
  factsPresent: string[];
  factsMissing: string[];
  offeredAt: Date | null;
  claimedAt: Date | null;
  firstHumanReplyAt: Date | null;
  transfers: Array<{ at: Date; toQueue: string | null; toOperatorId: string | null }>;
  outcome: EpisodeOutcome | null;
  endedAt: Date | null;
  resolvedAt: Date | null;
  /** The first wait estimate the visitor was shown in this episode. */
  waitEstimateShown: WaitEstimate | null;
  /** From escalation to a person taking it (ms); null until claimed. */
  actualWaitMs: number | null;
  rating: { score: number; comment: string | null; at: Date } | null;
  /** When the visitor wrote again after this episode's resolution (the conversation reopened). */
  reopenedAt?: Date | null;
  /** The visitor's language when the episode started; absent on episodes stored before it was kept. */
  language?: string;
  /** The person who took it (claim, barge-in, take-over, accepted offer); the latest transfer's target. */
  operatorId?: string | null;
  /** The intent an operator corrected the detected one to, if any. */
  intentCorrectedTo?: string | null;
  /** Repeat explanation after the handoff: visitor turns restating the case, operator turns asking for a held fact. */
  repeats?: { visitorRestated: number; operatorAsked: number };
}
