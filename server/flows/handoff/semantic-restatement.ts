import { closeToEarlierTurn } from '../../domain/repeat-explanation';
import type { Conversation } from '../../entities/conversation';
import type { FlowDeps } from '../../composition';
import { markEpisode } from './episode-record';

/** How many of the visitor's turns to the bot are compared (the newest). */
const EARLIER_TURNS = 30;

/**
 * The semantic half of repeat explanation: a visitor turn after the handoff that means what one
 * they wrote to the bot meant is a restatement. Run after the message is delivered, never before:
 * without the embeddings layer (off, degraded, late) it counts nothing and the facts alone decide.
 * Returns whether it marked the episode.
 */
export async function markSemanticRestatement(deps: FlowDeps, conversation: Conversation, text: string): Promise<boolean> {
  try {
    const handedOffAt = conversation.escalatedAt ?? conversation.episodes?.at(-1)?.startedAt ?? null;
    if (!handedOffAt) return false;
    const site = await deps.store.sites.get(conversation.siteId);
    if (!site) return false;
    const cutoff = new Date(handedOffAt).getTime();
    const earlier = (await deps.store.messages.recent(conversation._id, 200))
      .filter((m) => m.sender.kind === 'visitor' && m.text.trim() !== '' && new Date(m.createdAt).getTime() < cutoff)
      .slice(-EARLIER_TURNS)
      .map((m) => m.text);
    if (earlier.length === 0) return false;
    const vectors = await deps.meanings.vectors(site, [text, ...earlier]);
    if (!vectors) return false;
    const [turn, ...before] = vectors;
    const threshold = site.config.triggers.semantic.restates ?? undefined;
    if (!turn || !closeToEarlierTurn(turn, before, threshold)) return false;
    await markEpisode(deps, conversation._id, { visitorRestated: true });
    return true;
  } catch (error) {
    deps.log.warn(
      { conversationId: conversation._id, err: error instanceof Error ? error.message : String(error) },
      'semantic restatement not checked; facts only for this turn',
    );
    return false;
  }
}
