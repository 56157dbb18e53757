import type { FiredTrigger } from '../../shared/case-package';
import type { Conversation } from '../entities/conversation';
import type { HandoffEpisode } from '../entities/episode';

// What an erased (or expired) visitor's conversation keeps: its shape for the statistics (states,
// times, queues, triggers fired, episodes, rating scores, intent labels) and nothing they typed or
// said about themselves. Every field that copies their words or identity is listed here.

const withoutEvidence = (t: FiredTrigger): FiredTrigger => ({ trigger: t.trigger, evidence: '' });
const withoutComment = <R extends { comment: string | null } | null>(rating: R): R => (rating ? { ...rating, comment: null } : rating);

function erasedEpisode(e: HandoffEpisode): HandoffEpisode {
  return { ...e, triggers: e.triggers.map(withoutEvidence), rating: withoutComment(e.rating) };
}

/** The fields to set on a conversation so that none of the visitor's text or identity remains in it. */
export function erasedConversationFields(c: Conversation): Partial<Conversation> {
  return {
    visitorName: null,
    lastMessagePreview: null,
    facts: {},
    casePackage: null,
    firedTriggers: c.firedTriggers.map(withoutEvidence),
    rating: withoutComment(c.rating),
    offer: null,
    // What the resolved history is searched by: their name, email and words.
    searchText: '',
    ...(c.episodes ? { episodes: c.episodes.map(erasedEpisode) } : {}),
  };
}
