import type { Actor, AuditAction } from '../../shared/audit';
import type { ConversationState } from '../../shared/entities';

export interface AuditRecord {
  _id: string;
  siteId: string;
  conversationId: string | null;
  /** The visitor an export or erasure was about; absent on other entries. */
  visitorId?: string | null;
  action: AuditAction;
  actor: Actor;
  reasons: string[];
  evidence: string[];
  note: string | null;
  from: ConversationState | null;
  to: ConversationState | null;
  at: Date;
  /** The person this entry was about was erased: evidence emptied, note replaced (store/visitor-data-store.ts). */
  erased?: boolean;
}
