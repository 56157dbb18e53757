import type { MessageDoc } from './documents';
import { createKeyedLock } from './keyed-lock';
import type { MessagesStore } from './messages-store';

/** The last messages of one conversation this instance knows, and the highest seq among them. */
export interface MessageWindow {
  lastSeq: number;
  messages: MessageDoc[];
}

/**
 * The recent messages of the conversations this instance is serving, kept in memory so that a
 * visitor message neither reads the turns back nor asks the database for the next seq: the
 * insert claims `lastSeq + 1` through the unique (conversationId, seq) index, and a refusal
 * (another instance wrote meanwhile) reloads the window from the database. Bounded twice: the
 * last `size` messages per conversation, and `maxConversations` conversations (oldest use goes first).
 */
export function createMessageWindows(messages: Pick<MessagesStore, 'recent'>, options: { size?: number; maxConversations?: number } = {}) {
  const { size = 60, maxConversations = 20_000 } = options;
  const windows = new Map<string, MessageWindow>();
  const serially = createKeyedLock();

  function keep(conversationId: string, window: MessageWindow): MessageWindow {
    windows.delete(conversationId);
    if (windows.size >= maxConversations) windows.delete(windows.keys().next().value as string);
    windows.set(conversationId, window);
    return window;
  }

  return {
    size,
    /** Posts to one conversation run one after another here, so two never pick the same next seq. */
    serially,
    /** The window held, or one read afresh from the database. */
    async get(conversationId: string): Promise<MessageWindow> {
      const held = windows.get(conversationId);
      return held ? keep(conversationId, held) : this.reload(conversationId);
    },
    async reload(conversationId: string): Promise<MessageWindow> {
      const recent = await messages.recent(conversationId, size);
      return keep(conversationId, { lastSeq: recent.at(-1)?.seq ?? 0, messages: recent });
    },
    /** A conversation this instance just created, or whose messages it just read from the first. */
    prime(conversationId: string, all: MessageDoc[]): void {
      keep(conversationId, { lastSeq: all.at(-1)?.seq ?? 0, messages: all.slice(-size) });
    },
    /** A message this instance stored: the next seq follows it. */
    append(message: MessageDoc): void {
      const held = windows.get(message.conversationId);
      if (!held || message.seq <= held.lastSeq) return;
      held.messages.push(message);
      if (held.messages.length > size) held.messages.splice(0, held.messages.length - size);
      held.lastSeq = message.seq;
    },
    forget(conversationId: string): void {
      windows.delete(conversationId);
    },
  };
}

export type MessageWindows = ReturnType<typeof createMessageWindows>;
