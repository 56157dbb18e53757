import type { AttachmentRef } from '../../../shared/attachments';
import type { SenderKind } from '../../../shared/entities';
import type { BotMeta, Message } from '../../entities/message';
import type { Conversation } from '../../entities/conversation';
import type { FlowDeps } from '../../composition';
import type { SeqCondition } from '../../store/conversations-store';
import { toSummary, toWireMessage } from './wire';

export interface NewMessage {
  sender: { kind: SenderKind; id?: string; name?: string };
  text: string;
  clientMessageId?: string;
  bot?: BotMeta;
  attachment?: AttachmentRef;
}

export interface PostedMessage {
  message: Message;
  /** As updated; with `pending`, this instance's copy with the message's stamps (not yet written). */
  conversation: Conversation | null;
  duplicate: boolean;
  /** The message's conversation stamps, still to be written: by the bot's reply, or by settleStamps. */
  pending?: PendingStamps;
}

/** A visitor message's conversation stamps waiting for the bot's reply to write them with its own. */
export interface PendingStamps {
  seq: number;
  at: Date;
  preview: string;
}

export interface StampOptions {
  /**
   * This instance's copy of the conversation (store/conversation-copies.ts), for a visitor message
   * the bot is about to answer: the conversation is not written now, the reply writes both stamps.
   */
  deferOn?: Conversation | null;
  /** The pending stamps of the visitor message this one answers: written with this message's. */
  carrying?: PendingStamps | null;
}

/**
 * Writes stamps that waited (the bot did not answer after all: a handoff, a refusal, a failure).
 * The dates only move forward; the preview is the waiting message's unless a later one was recorded.
 */
export async function settleStamps(deps: FlowDeps, conversationId: string, pending: PendingStamps): Promise<Conversation | null> {
  const dates = { lastActivityAt: pending.at, lastVisitorActivityAt: pending.at };
  const conversations = deps.store.conversations;
  return (
    (await conversations.recordMessage(
      conversationId,
      pending.seq,
      { ...dates, lastMessagePreview: pending.preview },
      { before: pending.seq },
    )) ?? (await conversations.recordMessage(conversationId, pending.seq, dates))
  );
}

/**
 * Stamps an instance never wrote (it died with them waiting, store/stamps-behind.ts), taken from the
 * stored messages: called when a visitor shows they saw a message the conversation does not count yet.
 */
export async function mendStamps(deps: FlowDeps, conversation: Conversation): Promise<Conversation | null> {
  const conversationId = conversation._id;
  const recent = await deps.store.messages.recent(conversationId, 20);
  const last = recent.at(-1);
  // A visitor's afterSeq past every message (a stale or made-up one) mends nothing and writes nothing.
  if (!last || last.seq <= conversation.lastSeq) return null;
  const fromVisitor = recent.findLast((m) => m.sender.kind === 'visitor');
  return deps.store.conversations.recordMessage(
    conversationId,
    last.seq,
    {
      lastMessagePreview: last.text.slice(0, 140),
      lastActivityAt: last.createdAt,
      ...(fromVisitor ? { lastVisitorActivityAt: fromVisitor.createdAt } : {}),
    },
    { before: last.seq },
  );
}

/** Another instance writing the same conversation at the same moment: each refusal reloads the seq. */
const MAX_SEQ_ATTEMPTS = 8;

/**
 * Stores one message with the next sequence number and publishes it to the visitor's sockets and
 * the site's operators: two commands, the insert and the conversation update. The seq comes from
 * the messages this instance holds (message-windows.ts) and is claimed by the insert itself; a
 * repeated clientMessageId stores nothing and returns the message already stored. With `onlyIf`
 * the conversation is checked (and updated) first, so nothing is stored when it no longer holds:
 * null then. `conversation` needs only its ids; the result carries the conversation as updated.
 */
export async function postMessage(
  deps: FlowDeps,
  conversation: Pick<Conversation, '_id' | 'siteId' | 'visitorId'>,
  input: NewMessage,
  onlyIf: SeqCondition = {},
  /** Runs once the message is stored, before anyone hears of it (a visitor reopening a resolved conversation). */
  settle?: (conversation: Conversation, message: Message) => Promise<Conversation>,
  stamps: StampOptions = {},
): Promise<PostedMessage | null> {
  const windows = deps.messageWindows;
  const conditional = Object.keys(onlyIf).length > 0;
  const dedupeKey = `${conversation._id}:${input.clientMessageId ?? deps.newId()}`;
  const now = deps.clock.now();
  const carried = stamps.carrying;
  const set: Partial<Conversation> = {
    lastActivityAt: now,
    lastMessagePreview: input.text.slice(0, 140),
    ...(input.sender.kind === 'visitor' ? { lastVisitorActivityAt: now } : carried ? { lastVisitorActivityAt: carried.at } : {}),
  };
  const conversations = deps.store.conversations;
  // The bot's reply to a message decided on this instance's copy: checked by a (batched) read, and
  // the stamps of both messages written behind (store/stamps-behind.ts), not by an update of its own.
  const behind = conditional && !!carried;
  const posted = await windows.serially(conversation._id, async () => {
    let window = await windows.get(conversation._id);
    for (let attempt = 0; attempt < MAX_SEQ_ATTEMPTS; attempt++) {
      const seq = window.lastSeq + 1;
      const checked = !conditional
        ? null
        : behind
          ? await conversations.checked(conversation._id, onlyIf)
          : await conversations.recordMessage(conversation._id, seq, set, onlyIf);
      if (conditional && !checked) return null;
      const doc: Message = {
        _id: deps.newId(),
        conversationId: conversation._id,
        siteId: conversation.siteId,
        seq,
        dedupeKey,
        clientMessageId: input.clientMessageId ?? null,
        sender: input.sender,
        text: input.text,
        bot: input.bot ?? null,
        createdAt: now,
        ...(input.attachment ? { attachment: input.attachment } : {}),
      };
      const inserted = await deps.store.messages.insertOnce(doc);
      if (inserted.kind === 'seq_taken') {
        window = await windows.reload(conversation._id);
        continue;
      }
      if (inserted.kind === 'duplicate') return { message: inserted.message, conversation: null, duplicate: true };
      windows.append(doc);
      // Deferred only when the copy knows every message before this one (no other writer since).
      const copy = stamps.deferOn;
      if (!conditional && copy && attempt === 0 && copy.lastSeq === seq - 1) {
        const pending = { seq, at: now, preview: set.lastMessagePreview ?? '' };
        return { message: doc, conversation: { ...copy, ...set, lastSeq: seq }, duplicate: false, pending };
      }
      const updated =
        behind && checked
          ? conversations.stampBehind(checked, seq, set)
          : (checked ?? (await conversations.recordMessage(conversation._id, seq, set)));
      return { message: doc, conversation: updated, duplicate: false };
    }
    throw new Error(`No free seq in conversation ${conversation._id} after ${MAX_SEQ_ATTEMPTS} attempts`);
  });
  if (posted && !posted.duplicate && posted.conversation && settle) posted.conversation = await settle(posted.conversation, posted.message);
  if (posted && !posted.duplicate) {
    const wire = toWireMessage(posted.message);
    deps.hub.toVisitor(conversation.visitorId, { type: 'message_added', message: wire });
    deps.hub.toSite(conversation.siteId, { type: 'message_added', siteId: conversation.siteId, message: wire });
    if (posted.conversation)
      deps.hub.toSite(conversation.siteId, { type: 'conversation_updated', conversation: toSummary(posted.conversation) });
  }
  return posted;
}
