import type { SenderKind } from '../../../shared/entities';
import type { BotMeta, Message } from '../../entities/message';
import type { Conversation } from '../../entities/conversation';
import type { FlowDeps } from '../../composition';
import type { SeqCondition } from '../../store/conversations-store';
import { createKeyedLock } from '../../store/keyed-lock';
import { toSummary, toWireMessage } from './wire';

export interface NewMessage {
  sender: { kind: SenderKind; id?: string; name?: string };
  text: string;
  clientMessageId?: string;
  bot?: BotMeta;
}

/**
 * Stores one message with the next sequence number and publishes it to the
 * visitor's sockets and the site's operators. A repeated clientMessageId stores
 * nothing and returns the message already stored. Null when `onlyIf` refused.
 */
export function postMessage(
  deps: FlowDeps,
  conversation: Conversation,
  input: NewMessage,
  onlyIf: SeqCondition = {},
): Promise<{ message: Message; conversation: Conversation | null; duplicate: boolean } | null> {
  // One message of a conversation at a time in this process: a resend racing its first attempt
  // (a reconnect while the old socket's frame is still in flight) must not reserve a second seq.
  return posting(conversation._id, () => postOnce(deps, conversation, input, onlyIf));
}

const posting = createKeyedLock();

async function postOnce(
  deps: FlowDeps,
  conversation: Conversation,
  input: NewMessage,
  onlyIf: SeqCondition,
): Promise<{ message: Message; conversation: Conversation | null; duplicate: boolean } | null> {
  const dedupeKey = `${conversation._id}:${input.clientMessageId ?? deps.newId()}`;
  if (input.clientMessageId) {
    const existing = await deps.store.messages.findByDedupeKey(dedupeKey);
    if (existing) return { message: existing, conversation: null, duplicate: true };
  }
  const now = deps.clock.now();
  const set: Partial<Conversation> = {
    lastActivityAt: now,
    lastMessagePreview: input.text.slice(0, 140),
    ...(input.sender.kind === 'visitor' ? { lastVisitorActivityAt: now } : {}),
  };
  const updated = await deps.store.conversations.allocateSeq(conversation._id, set, onlyIf, dedupeKey);
  if (!updated) return null;
  const doc: Message = {
    _id: deps.newId(),
    conversationId: conversation._id,
    siteId: conversation.siteId,
    seq: updated.lastSeq,
    dedupeKey,
    clientMessageId: input.clientMessageId ?? null,
    sender: input.sender,
    text: input.text,
    bot: input.bot ?? null,
    createdAt: now,
  };
  const { message, duplicate } = await deps.store.messages.insertOnce(doc);
  if (!duplicate) {
    const wire = toWireMessage(message);
    deps.hub.toVisitor(conversation.visitorId, { type: 'message_added', message: wire });
    deps.hub.toSite(conversation.siteId, { type: 'message_added', siteId: conversation.siteId, message: wire });
    deps.hub.toSite(conversation.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
  }
  return { message, conversation: updated, duplicate };
}
