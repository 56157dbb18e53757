import type { Operator } from '../../entities/operator';
import type { FlowDeps } from '../../composition';
import { findConversationForOperator } from './inbox-queries';

/**
 * Typing reaches the visitor only from the conversation's owner, within the operator's sites.
 * False when the operator has no conversation with that id.
 */
export async function relayOperatorTyping(deps: FlowDeps, operator: Operator, conversationId: string, isTyping: boolean): Promise<boolean> {
  const conversation = await findConversationForOperator(deps, operator, conversationId);
  if (!conversation) return false;
  if (conversation.state === 'owned' && conversation.owner?.operatorId === operator._id) {
    deps.hub.toVisitor(conversation.visitorId, { type: 'operator_typing', isTyping });
  }
  return true;
}
