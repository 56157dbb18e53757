import type { Message, OperatorBadge, WaitEstimate } from '../../shared/entities';
import type { CallbackOffer, VisitorConversationView } from '../../shared/visitor-protocol';

type Booked = NonNullable<VisitorConversationView['callbackBooked']>;

/** What the panel shows about the conversation; one rendering per kind. */
export type Stage =
  | { kind: 'bot'; returned: boolean }
  | {
      kind: 'waiting';
      topic: string | null;
      missingFacts: string[];
      position: number | null;
      estimate: WaitEstimate | null;
    }
  | { kind: 'unavailable'; offer: CallbackOffer; topic: string | null }
  | { kind: 'callback_booked'; booked: Booked | null }
  | { kind: 'with_person'; operator: OperatorBadge | null }
  | { kind: 'resolved'; rated: boolean };

/**
 * Derives the stage from the server's view alone (plus the transcript), so a reload, a second tab
 * or a missed moment event still renders the same thing.
 */
export function deriveStage(view: VisitorConversationView | null, messages: readonly Message[]): Stage {
  if (!view) return { kind: 'bot', returned: false };
  switch (view.state) {
    case 'bot':
      // A person spoke in this conversation and the bot has it again: the visitor was handed back.
      return {
        kind: 'bot',
        returned: messages.some((m) => m.conversationId === view.conversationId && m.sender.kind === 'operator'),
      };
    case 'queued':
      // Guide §3: nobody there or outside hours means an honest message and a callback, never a fake queue.
      if (view.callbackOffer) return { kind: 'unavailable', offer: view.callbackOffer, topic: view.handoffTopic };
      return {
        kind: 'waiting',
        topic: view.handoffTopic,
        missingFacts: view.missingFacts,
        position: view.position,
        estimate: view.estimate,
      };
    case 'owned':
      return { kind: 'with_person', operator: view.operator };
    case 'callback_requested':
      return { kind: 'callback_booked', booked: view.callbackBooked };
    case 'resolved':
      return { kind: 'resolved', rated: view.rated };
  }
}
