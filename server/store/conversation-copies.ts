import type { ConversationState } from '../../shared/entities';
import type { conversationsStore } from './conversations-store';
import type { ConversationDoc } from './documents';

type ConversationsStore = ReturnType<typeof conversationsStore>;

/** What a conversation_updated event on the hub says about the conversation it names. */
export interface AnnouncedConversation {
  conversationId: string;
  state: ConversationState;
  version: number;
  lastSeq: number;
}

/** How new a copy is: a later version, or the same version with a later message. */
interface Mark {
  version: number;
  lastSeq: number;
}
const isOlder = (doc: Mark, than: Mark): boolean =>
  doc.version < than.version || (doc.version === than.version && doc.lastSeq < than.lastSeq);

/**
 * The last copy this instance read or wrote of each conversation the bot holds, so that a visitor
 * message the bot answers needs no conversation write of its own (flows/visitor/commands.ts): the
 * bot's reply stamps both messages in one update. A hint, never an authority: whatever is decided
 * on a copy is written conditionally on its (state, version), and a change any instance announces
 * (conversation_updated, carried across by the bus) drops a copy it does not match. Only
 * conversations in the bot's hands are kept; a person's conversation is always read.
 */
export function createConversationCopies(max = 20_000) {
  const copies = new Map<string, ConversationDoc>();
  // Where a copy was dropped: a read that set out before and comes back after brings no older copy back.
  const dropped = new Map<string, Mark>();
  const drop = (id: string, mark: Mark) => {
    copies.delete(id);
    dropped.delete(id);
    if (dropped.size >= max) dropped.delete(dropped.keys().next().value as string);
    dropped.set(id, mark);
  };
  return {
    get(conversationId: string): ConversationDoc | null {
      return copies.get(conversationId) ?? null;
    },
    keep(doc: ConversationDoc): void {
      // A read that set out before a write (or a drop) and came back after it is the older copy.
      const mark = copies.get(doc._id) ?? dropped.get(doc._id);
      if (mark && isOlder(doc, mark)) return;
      if (doc.state !== 'bot') {
        if (copies.has(doc._id) || dropped.has(doc._id)) drop(doc._id, { version: doc.version, lastSeq: doc.lastSeq });
        return;
      }
      copies.delete(doc._id);
      dropped.delete(doc._id);
      if (copies.size >= max) copies.delete(copies.keys().next().value as string);
      copies.set(doc._id, doc);
    },
    /** Another state, version or a message this copy does not know of: the copy is stale. */
    announced(change: AnnouncedConversation): void {
      const held = copies.get(change.conversationId);
      if (held && (held.state !== change.state || held.version !== change.version || held.lastSeq < change.lastSeq))
        drop(change.conversationId, { version: Math.max(held.version, change.version), lastSeq: change.lastSeq });
    },
  };
}

export type ConversationCopies = ReturnType<typeof createConversationCopies>;

/** The conversations store, each conversation it returns refreshing this instance's copy of it. */
export function withConversationCopies(store: ConversationsStore, copies: ConversationCopies) {
  const keeping =
    <A extends unknown[]>(read: (...args: A) => Promise<ConversationDoc | null>) =>
    async (...args: A): Promise<ConversationDoc | null> => {
      const doc = await read(...args);
      if (doc) copies.keep(doc);
      return doc;
    };
  return {
    ...store,
    async insert(doc: ConversationDoc): Promise<void> {
      await store.insert(doc);
      copies.keep(doc);
    },
    async insertIfAbsent(doc: ConversationDoc): Promise<boolean> {
      const inserted = await store.insertIfAbsent(doc);
      if (inserted) copies.keep(doc);
      return inserted;
    },
    get: keeping(store.get),
    latestForVisitor: keeping(store.latestForVisitor),
    transition: keeping(store.transition),
    recordMessage: keeping(store.recordMessage),
    checked: keeping(store.checked),
    stampBehind(doc: ConversationDoc, seq: number, set: Partial<ConversationDoc>): ConversationDoc {
      const stamped = store.stampBehind(doc, seq, set);
      copies.keep(stamped);
      return stamped;
    },
    setVisitorPresence: keeping(store.setVisitorPresence),
    takeOffer: keeping(store.takeOffer),
    updateEpisodes: keeping(store.updateEpisodes),
    patch: keeping(store.patch),
    /** This instance's copy (null: none, or no longer in the bot's hands); see createConversationCopies. */
    copyOf: copies.get,
    /** A conversation_updated event from any instance. */
    announced: copies.announced,
  };
}
