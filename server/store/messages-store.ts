import type { Collections } from './database';
import type { MessageDoc } from './documents';
import { insertBatcher } from './insert-batcher';

export function messagesStore(c: Collections) {
  const col = c.messages;
  // Messages of all conversations written at the same moment share one insertMany (insert-batcher.ts).
  const batcher = insertBatcher(col);
  return {
    /**
     * One insert both de-duplicates and claims the seq: the unique dedupeKey (conversation +
     * clientMessageId) refuses a resend, the unique (conversationId, seq) a seq someone else took.
     * Only a refusal costs a read, to tell the two apart.
     */
    async insertOnce(
      doc: MessageDoc,
    ): Promise<{ kind: 'stored'; message: MessageDoc } | { kind: 'duplicate'; message: MessageDoc } | { kind: 'seq_taken' }> {
      const result = await batcher.insert(doc);
      if (result.ok) return { kind: 'stored', message: doc };
      if (result.code !== 11000) throw Object.assign(new Error(`Message not stored: ${result.message}`), { code: result.code });
      if (doc.clientMessageId === null) return { kind: 'seq_taken' };
      const existing = await col.findOne({ dedupeKey: doc.dedupeKey });
      return existing ? { kind: 'duplicate', message: existing } : { kind: 'seq_taken' };
    },
    after(conversationId: string, afterSeq: number, limit = 500): Promise<MessageDoc[]> {
      return col
        .find({ conversationId, seq: { $gt: afterSeq } })
        .sort({ seq: 1 })
        .limit(limit)
        .toArray();
    },
    /** The visitor's last message written at or before `at`. */
    lastFromVisitorBefore(conversationId: string, at: Date): Promise<MessageDoc | null> {
      return col
        .find({ conversationId, 'sender.kind': 'visitor', createdAt: { $lte: at } })
        .sort({ seq: -1 })
        .limit(1)
        .next();
    },
    async recent(conversationId: string, limit: number): Promise<MessageDoc[]> {
      const docs = await col.find({ conversationId }).sort({ seq: -1 }).limit(limit).toArray();
      return docs.reverse();
    },
  };
}

export type MessagesStore = ReturnType<typeof messagesStore>;
