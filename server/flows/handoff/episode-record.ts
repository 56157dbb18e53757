import { type EpisodeMark, markOpenEpisode, rateLastResolved } from '../../domain/episodes';
import { episodeEvents } from '../../domain/insights/episode-events';
import { rollupDelta } from '../../domain/insights/rollup';
import { episodeRows } from '../../domain/insights/episode-row';
import type { HandoffEpisode } from '../../entities/episode';
import type { Conversation } from '../../entities/conversation';
import type { FlowDeps } from '../../composition';

/**
 * Moves the Insights counters by what changed in a conversation's episodes. A failure is logged,
 * never thrown: the handoff itself has happened; a counter off by one is the smaller harm.
 */
export async function countEpisodeChange(
  deps: FlowDeps,
  conversation: Pick<Conversation, '_id' | 'siteId' | 'visitorName'>,
  before: HandoffEpisode[] | undefined,
  after: HandoffEpisode[] | undefined,
): Promise<void> {
  const { _id: conversationId, siteId } = conversation;
  const events = episodeEvents(before, after);
  for (const h of events.handoffs) deps.metrics.handoff(h.trigger, h.queue);
  for (const ms of events.waitsMs) deps.metrics.timeToHuman(ms / 1000);
  const changes = rollupDelta(siteId, before, after);
  const rows = episodeRows(siteId, conversationId, conversation.visitorName, before, after);
  if (changes.length === 0 && rows.length === 0) return;
  try {
    await Promise.all([deps.store.episodeRollups.apply(changes), deps.store.episodeRollups.saveRows(rows)]);
  } catch (error) {
    deps.log.error({ err: error, siteId }, 'Insights counters not updated');
  }
}

/** Read-decide-write of the episodes (store.updateEpisodes), counted once it lands. */
async function changeEpisodes(
  deps: FlowDeps,
  conversationId: string,
  change: (episodes: HandoffEpisode[] | undefined) => HandoffEpisode[] | null,
  extra: Partial<Conversation> = {},
): Promise<Conversation | null> {
  let before: HandoffEpisode[] | undefined;
  let changed = false;
  const updated = await deps.store.conversations.updateEpisodes(
    conversationId,
    (episodes) => {
      before = episodes;
      const next = change(episodes);
      changed = next !== null;
      return next;
    },
    extra,
  );
  if (updated && changed) await countEpisodeChange(deps, updated, before, updated.episodes);
  return updated;
}

export const markEpisode = (deps: FlowDeps, conversationId: string, mark: EpisodeMark) =>
  changeEpisodes(deps, conversationId, (episodes) => markOpenEpisode(episodes, mark));

export const rateEpisode = (deps: FlowDeps, conversationId: string, rating: NonNullable<HandoffEpisode['rating']>) =>
  changeEpisodes(deps, conversationId, (episodes) => rateLastResolved(episodes, rating), { rating });

/**
 * The visitor named themself: their name on the conversation's episode rows too (one update by
 * conversationId, an equality FerretDB pushes down). Logged, never thrown, like the counters.
 */
export async function renameOnEpisodeRows(deps: FlowDeps, conversationId: string, visitorName: string | null): Promise<void> {
  try {
    await deps.store.episodeRollups.renameVisitor(conversationId, visitorName);
  } catch (error) {
    deps.log.error({ err: error, conversationId }, 'Visitor name not updated on the Insights rows');
  }
}
