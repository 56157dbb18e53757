import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import type { ConversationDoc } from './documents';

/** What one stored message changes on its conversation: the last seq, the preview, the activity dates. */
export interface MessageStamps {
  seq: number;
  preview: string | null;
  lastActivityAt: Date;
  lastVisitorActivityAt: Date | null;
}

const later = (a: Date | null, b: Date | null): Date | null => (a === null ? b : b === null || a >= b ? a : b);

/** Two messages' stamps as one: the later message's preview, the later of each date. */
export function mergeStamps(a: MessageStamps, b: MessageStamps): MessageStamps {
  const [older, newer] = a.seq <= b.seq ? [a, b] : [b, a];
  return {
    seq: newer.seq,
    preview: newer.preview ?? older.preview,
    lastActivityAt: later(a.lastActivityAt, b.lastActivityAt) as Date,
    lastVisitorActivityAt: later(a.lastVisitorActivityAt, b.lastVisitorActivityAt),
  };
}

/** The conversation as the database will hold it once the stamps are written (the same rules as the update). */
export function applyStamps(doc: ConversationDoc, stamps: MessageStamps): ConversationDoc {
  const newer = doc.lastSeq < stamps.seq;
  return {
    ...doc,
    lastSeq: Math.max(doc.lastSeq, stamps.seq),
    ...(newer && stamps.preview !== null ? { lastMessagePreview: stamps.preview } : {}),
    lastActivityAt: later(doc.lastActivityAt, stamps.lastActivityAt) as Date,
    lastVisitorActivityAt: later(doc.lastVisitorActivityAt, stamps.lastVisitorActivityAt) as Date,
  };
}

/** One update per conversation; a later message already recorded keeps its preview (and its later dates). */
export function stampsUpdate(conversationId: string, stamps: MessageStamps): AnyBulkWriteOperation<ConversationDoc> {
  return {
    updateOne: {
      filter: { _id: conversationId, lastSeq: { $lt: stamps.seq } },
      update: {
        ...(stamps.preview !== null ? { $set: { lastMessagePreview: stamps.preview } } : {}),
        $max: {
          lastSeq: stamps.seq,
          lastActivityAt: stamps.lastActivityAt,
          ...(stamps.lastVisitorActivityAt ? { lastVisitorActivityAt: stamps.lastVisitorActivityAt } : {}),
        },
      },
    },
  };
}

/**
 * Conversation stamps of bot-answered messages, written behind: gathered per conversation and
 * written every `delayMs` in one unordered bulk write, so a conversation that exchanges several
 * messages meanwhile is written once, and fifty conversations in one command. The messages
 * themselves are stored before anyone hears of them; only these stamps wait. Everyone who needs
 * them at once has them: the sockets through the hub, this instance through its copy
 * (conversation-copies.ts). The price, documented in the README: a process that dies loses at
 * most `delayMs` of stamps (activity, preview, lastSeq), mended by the conversation's next write;
 * `flush()` on the way out writes what waits. Writes take the per-conversation lock, as every
 * conversation write does (conversations-store.ts).
 */
export function createStampsBehind(
  col: Collection<ConversationDoc>,
  withLocks: <T>(keys: string[], work: () => Promise<T>) => Promise<T>,
  delayMs: number,
  onError: (error: unknown) => void,
) {
  const waiting = new Map<string, MessageStamps>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const keep = (conversationId: string, stamps: MessageStamps) => {
    const held = waiting.get(conversationId);
    waiting.set(conversationId, held ? mergeStamps(held, stamps) : stamps);
  };
  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      writing = writing.then(write);
    }, delayMs);
    timer.unref();
  };

  const write = async (): Promise<void> => {
    timer = null;
    if (waiting.size === 0) return;
    const batch = [...waiting];
    waiting.clear();
    try {
      await withLocks(
        batch.map(([id]) => id),
        () =>
          col.bulkWrite(
            batch.map(([id, s]) => stampsUpdate(id, s)),
            { ordered: false },
          ),
      );
    } catch (error) {
      // Kept for the next write: an update that did apply is refused harmlessly the second time.
      for (const [id, s] of batch) keep(id, s);
      schedule();
      onError(error);
    }
  };

  return {
    add(conversationId: string, stamps: MessageStamps): void {
      keep(conversationId, stamps);
      schedule();
    },
    /** Stamps of this conversation still waiting to be written. */
    pendingFor(conversationId: string): MessageStamps | null {
      return waiting.get(conversationId) ?? null;
    },
    /** Writes everything waiting now (the way out), after any write already under way. */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      writing = writing.then(write);
      await writing;
    },
  };
}

export type StampsBehind = ReturnType<typeof createStampsBehind>;
