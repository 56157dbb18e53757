import type { Actor, AuditAction } from '../../shared/audit';
import type { FiredTrigger } from '../../shared/case-package';
import type { WaitEstimate } from '../../shared/entities';
import type { EpisodeOutcome, HandoffEpisode } from '../entities/episode';
import { localDateOf } from './hours/local-time';

export type { EpisodeOutcome, HandoffEpisode };

// Every handoff episode of a conversation keeps its facts: a visitor writing after resolution
// reopens the conversation (its current-episode fields start afresh), but the episodes before it
// stay whole, so ratings, waits and outcomes survive for history and metrics. Pure: the shell
// passes in the conversation before and after a transition and the time.

/** The conversation fields an episode reads. */
export interface EpisodeSource {
  episodes?: HandoffEpisode[];
  queue: string | null;
  owner: { operatorId: string; name: string } | null;
  firedTriggers: FiredTrigger[];
  intent: string | null;
  facts: Record<string, string>;
  missingFacts: string[];
  casePackage: { routingRule?: string } | null;
  visitorLocale?: string;
}

const openEpisode = (episodes: HandoffEpisode[]) => {
  const last = episodes.at(-1);
  return last && last.outcome === null ? last : null;
};

function started(
  number: number,
  startedBy: HandoffEpisode['startedBy'],
  after: EpisodeSource,
  now: Date,
  timeZone: string,
): HandoffEpisode {
  return {
    number,
    startedBy,
    startedAt: now,
    day: localDateOf(now, timeZone),
    escalatedAt: startedBy === 'escalated' ? now : null,
    triggers: startedBy === 'escalated' ? after.firedTriggers : [],
    queue: after.queue,
    rule: after.casePackage?.routingRule ?? null,
    intent: after.intent,
    factsPresent: Object.keys(after.facts),
    factsMissing: after.missingFacts,
    offeredAt: null,
    claimedAt: startedBy === 'barged_in' ? now : null,
    firstHumanReplyAt: null,
    transfers: [],
    outcome: null,
    endedAt: null,
    resolvedAt: null,
    waitEstimateShown: null,
    actualWaitMs: startedBy === 'barged_in' ? 0 : null,
    rating: null,
    language: after.visitorLocale ?? 'unknown',
    operatorId: after.owner?.operatorId ?? null,
    intentCorrectedTo: null,
    repeats: { visitorRestated: 0, operatorAsked: 0 },
  };
}

/** The episodes after one ownership transition; `timeZone` is the site's, which names the day a new episode is counted under. */
export function episodesAfter(
  before: EpisodeSource,
  after: EpisodeSource,
  action: AuditAction,
  actor: Actor,
  now: Date,
  timeZone: string,
): HandoffEpisode[] {
  const episodes = (before.episodes ?? []).map((e) => ({ ...e }));
  const open = openEpisode(episodes);
  const end = (episode: HandoffEpisode, outcome: EpisodeOutcome) => Object.assign(episode, { outcome, endedAt: now });
  switch (action) {
    case 'escalated':
      if (open) end(open, 'abandoned');
      episodes.push(started(episodes.length + 1, 'escalated', after, now, timeZone));
      break;
    case 'barged_in':
      if (open) {
        claim(open, now);
        open.operatorId = after.owner?.operatorId ?? open.operatorId ?? null;
      } else episodes.push(started(episodes.length + 1, 'barged_in', after, now, timeZone));
      break;
    case 'claimed':
    case 'taken_over':
      if (open) claim(open, now);
      if (open && after.owner) open.operatorId = after.owner.operatorId;
      break;
    case 'assigned':
      if (open) open.offeredAt ??= now;
      break;
    case 'transferred':
      open?.transfers.push({ at: now, toQueue: after.owner ? null : after.queue, toOperatorId: after.owner?.operatorId ?? null });
      if (open && !after.owner) open.queue = after.queue;
      if (open && after.owner) open.operatorId = after.owner.operatorId;
      break;
    case 'reopened': {
      const resolved = episodes.findLast((e) => e.resolvedAt !== null);
      if (resolved && !resolved.reopenedAt) resolved.reopenedAt = now;
      break;
    }
    case 'returned_to_bot':
      if (open) end(open, 'returned_to_bot');
      break;
    case 'callback_requested':
      if (open) end(open, 'callback');
      break;
    case 'resolved': {
      // Resolved by the inactivity sweep before anyone took it: the visitor gave up waiting.
      // A bot-only conversation gets an episode too, so its rating outlives a reopening.
      const episode = open ?? started(episodes.length + 1, 'resolved', after, now, timeZone);
      if (!open) episodes.push(episode);
      const gaveUp = actor.kind === 'system' && episode.startedBy === 'escalated' && episode.claimedAt === null;
      end(episode, gaveUp ? 'abandoned' : 'resolved');
      episode.resolvedAt = now;
      break;
    }
    default:
      break;
  }
  return episodes;
}

function claim(episode: HandoffEpisode, now: Date): void {
  if (episode.claimedAt) return;
  episode.claimedAt = now;
  if (episode.escalatedAt) episode.actualWaitMs = now.getTime() - episode.escalatedAt.getTime();
}

/** The rating belongs to the episode that was resolved last; null when none was (a bot-only conversation). */
export function rateLastResolved(
  episodes: HandoffEpisode[] | undefined,
  rating: NonNullable<HandoffEpisode['rating']>,
): HandoffEpisode[] | null {
  const list = (episodes ?? []).map((e) => ({ ...e }));
  const last = list.findLast((e) => e.resolvedAt !== null);
  if (!last) return null;
  last.rating = rating;
  return list;
}

/** What a message or correction adds to the open episode. */
export interface EpisodeMark {
  firstHumanReplyAt?: Date;
  waitEstimateShown?: WaitEstimate;
  /** The operator who wrote, when a person wrote: an accepted offer makes them the episode's operator. */
  operatorId?: string;
  intentCorrectedTo?: string;
  visitorRestated?: boolean;
  operatorAsked?: boolean;
}

/** Marks the open episode (first reply by a person, first estimate shown, corrections, repeats); null when nothing changes. */
export function markOpenEpisode(episodes: HandoffEpisode[] | undefined, mark: EpisodeMark): HandoffEpisode[] | null {
  const list = (episodes ?? []).map((e) => ({ ...e }));
  const open = openEpisode(list);
  if (!open) return null;
  let changed = false;
  if (mark.operatorId && !open.operatorId) {
    open.operatorId = mark.operatorId;
    changed = true;
  }
  if (mark.intentCorrectedTo && mark.intentCorrectedTo !== open.intentCorrectedTo) {
    open.intentCorrectedTo = mark.intentCorrectedTo;
    changed = true;
  }
  if (mark.visitorRestated || mark.operatorAsked) {
    const repeats = open.repeats ?? { visitorRestated: 0, operatorAsked: 0 };
    open.repeats = {
      visitorRestated: repeats.visitorRestated + (mark.visitorRestated ? 1 : 0),
      operatorAsked: repeats.operatorAsked + (mark.operatorAsked ? 1 : 0),
    };
    changed = true;
  }
  if (mark.firstHumanReplyAt && !open.firstHumanReplyAt) {
    open.firstHumanReplyAt = mark.firstHumanReplyAt;
    changed = true;
  }
  if (mark.waitEstimateShown && !open.waitEstimateShown) {
    open.waitEstimateShown = mark.waitEstimateShown;
    changed = true;
  }
  return changed ? list : null;
}
