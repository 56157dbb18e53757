import type { OperatorEvent } from '../../shared/operator-protocol';
import type { ConnectionStatus } from '../operator-socket';
import type { AlertsModel } from './alerts-model';
import type { CallbacksModel } from './callbacks-model';
import type { ConversationModel } from './conversation-model';
import type { DirectoryModel } from './directory-model';
import type { InboxModel } from './inbox-model';
import type { SessionModel } from './session-model';

export interface EventTargets {
  session: SessionModel;
  inbox: InboxModel;
  conversation: ConversationModel;
  callbacks: CallbacksModel;
  directory: DirectoryModel;
  alerts: AlertsModel;
  /** Refetch what is on screen: lists, callbacks, the open conversation. */
  resync(): void;
}

/** Hands each socket fact to the models it changes. */
export function routeEvent(event: OperatorEvent, t: EventTargets) {
  switch (event.type) {
    case 'welcome':
      t.session.applyIdentity(event.operator);
      // On the first welcome too: events between the first list load and the handshake were not seen.
      return t.resync();
    case 'paged': {
      const c = event.conversation;
      t.alerts.paged(event.reason, c, c.queue && t.directory.queueName(c.queue));
      t.inbox.applyUpdate(c);
      return t.conversation.applyUpdate(c);
    }
    // Sent to the whole site to keep lists current; only `paged` alerts.
    case 'handoff_started':
    case 'conversation_updated':
      t.alerts.settle(event.conversation, t.session.meId.peek());
      t.inbox.applyUpdate(event.conversation);
      return t.conversation.applyUpdate(event.conversation);
    case 'message_added':
      return t.conversation.applyMessage(event.message);
    case 'note_added':
      return t.conversation.applyNote(event.note);
    case 'visitor_typing':
      return t.conversation.applyVisitorTyping(event.conversationId, event.isTyping);
    case 'callback_updated':
      return t.callbacks.applyUpdate(event.callback);
    case 'presence_updated':
      t.session.applyPresence(event.operatorId, event.presence);
      return t.directory.applyPresence(event.operatorId, event.presence);
    case 'operator_updated': {
      const me = t.session.operator.peek();
      if (me?.operatorId === event.operatorId) t.session.applyIdentity({ ...me, capacity: event.capacity });
      return t.directory.applyCapacity(event.operatorId, event.capacity);
    }
    case 'error':
      return t.alerts.announce(`Live updates: ${event.message}`);
    case 'pong':
      return;
  }
}

/** A fatal close ends the session or asks for a reload; other states only show in the top bar. */
export function routeConnectionStatus(status: ConnectionStatus, reason: string | null, t: Pick<EventTargets, 'session' | 'alerts'>) {
  if (status !== 'stopped') return;
  if (reason === 'unauthenticated') return t.session.expire();
  t.alerts.announce(
    reason === 'unsupported_version'
      ? 'This page is out of date. Reload it to get live updates again.'
      : `Live updates stopped (${reason ?? 'closed'}). Reload the page to reconnect.`,
  );
}
