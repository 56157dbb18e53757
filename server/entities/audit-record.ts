import type { Actor, AuditAction } from '../../shared/audit';
import type { ConversationState } from '../../shared/entities';

export interface AuditRecord {
  _id: string;
  siteId: string;
  conversationId: string | null;
  action: AuditAction;
  actor: Actor;
  reasons: string[];
  evidence: string[];
  note: string | null;
  from: ConversationState | null;
  to: ConversationState | null;
  at: Date;
}
