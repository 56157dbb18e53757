import type { Collections } from './database';
import type { InternalNoteDoc } from './documents';

/** Internal notes live in their own collection: the visitor's reads (messages) never see them. */
export function notesStore(c: Collections) {
  return {
    async insert(doc: InternalNoteDoc): Promise<void> {
      await c.internalNotes.insertOne(doc);
    },
    forConversation(conversationId: string, limit = 500): Promise<InternalNoteDoc[]> {
      return c.internalNotes.find({ conversationId }).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray();
    },
  };
}

export type NotesStore = ReturnType<typeof notesStore>;
