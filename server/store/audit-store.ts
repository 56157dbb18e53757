import type { Collections } from './database';
import type { AuditDoc } from './documents';

/** Append-only: there is deliberately no update or delete here. */
export function auditStore(c: Collections) {
  return {
    async append(entry: AuditDoc): Promise<void> {
      await c.audit.insertOne(entry);
    },
    forConversation(conversationId: string): Promise<AuditDoc[]> {
      return c.audit.find({ conversationId }).sort({ at: 1 }).toArray();
    },
  };
}

export type AuditStore = ReturnType<typeof auditStore>;
