import type { HandoffDecision } from './handoff-decision';

/**
 * What the bot's reply must add so that it never asks a question the system answers itself:
 * - hand_over: the conversation goes to a person right after this reply. The reply says so, and a
 *   fallback ("…Would you like to talk to a person?") is replaced, since that question is already answered.
 * - offer: low confidence in 'offer' mode: the reply asks, and the system waits for the visitor's yes or no.
 * - awaiting: the bot answers while the visitor already waits for a person (botAnswersWhileWaiting):
 *   a fallback must not offer the person who is already coming.
 * - as_is: nothing to add.
 */
export type ReplyStep = 'hand_over' | 'offer' | 'awaiting' | 'as_is';

export function replyStepOf(
  decision: Pick<HandoffDecision, 'escalate' | 'offerHuman'>,
  conversation: { handsOver: boolean; awaitingPerson: boolean },
): ReplyStep {
  if (conversation.awaitingPerson) return 'awaiting';
  if (decision.escalate && conversation.handsOver) return 'hand_over';
  return decision.offerHuman ? 'offer' : 'as_is';
}

export type ReplySentence = 'bringingPerson' | 'fallbackBringingPerson' | 'offerPerson';

/** The text to post; `say` gives a sentence in the visitor's language. */
export function botReplyText(reply: { text: string; fallback: boolean }, step: ReplyStep, say: (key: ReplySentence) => string): string {
  if (step === 'hand_over') return reply.fallback ? say('fallbackBringingPerson') : `${reply.text}\n\n${say('bringingPerson')}`;
  if (step === 'awaiting') return reply.fallback ? say('fallbackBringingPerson') : reply.text;
  if (step === 'offer') return `${reply.text}\n\n${say('offerPerson')}`;
  return reply.text;
}
