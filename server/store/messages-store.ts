import { MongoServerError } from 'mongodb';
import type { Collections } from './database';
import type { MessageDoc } from './documents';

export function messagesStore(c: Collections) {
  const col = c.messages;
  return {
    findByDedupeKey(dedupeKey: string): Promise<MessageDoc | null> {
      return col.findOne({ dedupeKey });
    },
    /** Inserts once; a duplicate dedupeKey returns the message already stored. */
    async insertOnce(doc: MessageDoc): Promise<{ message: MessageDoc; duplicate: boolean }> {
      try {
        await col.insertOne(doc);
        return { message: doc, duplicate: false };
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) {
          const existing = await col.findOne({ dedupeKey: doc.dedupeKey });
          if (existing) return { message: existing, duplicate: true };
        }
        throw error;
      }
    },
    after(conversationId: string, afterSeq: number, limit = 500): Promise<MessageDoc[]> {
      return col.find({ conversationId, seq: { $gt: afterSeq } }).sort({ seq: 1 }).limit(limit).toArray();
    },
    async recent(conversationId: string, limit: number): Promise<MessageDoc[]> {
      const docs = await col.find({ conversationId }).sort({ seq: -1 }).limit(limit).toArray();
      return docs.reverse();
    },
  };
}

export type MessagesStore = ReturnType<typeof messagesStore>;
