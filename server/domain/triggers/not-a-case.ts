import { findHypothetical } from './hypothetical';
import { findOthersStory } from './others-story';
import { findSettledNews, findSolvedBefore, SETTLED_BY_MONEY_BACK } from './settled';

/**
 * Whether a policy topic the message raises is set aside as no case: news of a case already settled
 * ("the refund landed today, thanks", "you charged me twice but it got refunded the next day"), a
 * hypothetical question ("what happens if my account gets hacked?"), or someone else's story beside the
 * visitor's own how-to question ("my mate's account got hacked… how do I turn on 2 step login?").
 */
export function topicsSetAside(normalized: string, asks: boolean): (topicId: string) => boolean {
  const isMoneyBack = findSettledNews(normalized) !== null;
  const isPast = findSolvedBefore(normalized) !== null;
  const isHypothetical = asks && findHypothetical(normalized) !== null;
  const isOthersStory = findOthersStory(normalized) !== null;
  return (topicId) => isPast || isHypothetical || isOthersStory || (isMoneyBack && SETTLED_BY_MONEY_BACK.has(topicId));
}
