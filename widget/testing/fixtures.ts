import type { Message } from '../../shared/entities';
import type { VisitorConversationView, VisitorEvent, WidgetUi } from '../../shared/visitor-protocol';
import { resolveVisitorStrings } from '../../shared/visitor-strings';

export const ui: WidgetUi = {
  locale: 'en',
  strings: resolveVisitorStrings('en'),
  look: { accentColor: '#1f5fbf', position: 'bottom-right', operatorAvatars: true },
  handoffEnabled: true,
};

export function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    conversationId: 'c1',
    seq,
    sender: { kind: 'bot' },
    text: `message ${seq}`,
    createdAt: new Date(Date.UTC(2025, 2, 4, 10, 0, seq)).toISOString(),
    ...over,
  };
}

export function view(over: Partial<VisitorConversationView> = {}): VisitorConversationView {
  return {
    conversationId: 'c1',
    state: 'bot',
    handoffTopic: null,
    missingFacts: [],
    position: null,
    estimate: null,
    operator: null,
    callbackOffer: null,
    callbackBooked: null,
    rated: false,
    ...over,
  };
}

export function welcome(over: Partial<Extract<VisitorEvent, { type: 'welcome' }>> = {}): VisitorEvent {
  return {
    type: 'welcome',
    protocolVersion: 1,
    visitorToken: 'tok-1',
    ui,
    team: { members: [], replyMinutes: null },
    conversation: view(),
    messages: [],
    ...over,
  };
}
