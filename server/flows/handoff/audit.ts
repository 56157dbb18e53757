import type { Actor, AuditAction } from '../../../shared/audit';
import type { ConversationState } from '../../../shared/entities';
import type { Operator } from '../../entities/operator';
import type { FlowDeps } from '../../composition';

/** How an operator is named in the audit trail. */
export const operatorActor = (op: Operator): Actor => ({ kind: 'operator', operatorId: op._id, name: op.name });

export async function recordAudit(
  deps: FlowDeps,
  entry: {
    siteId: string;
    conversationId: string | null;
    visitorId?: string | null;
    action: AuditAction;
    actor: Actor;
    reasons?: string[];
    evidence?: string[];
    note?: string | null;
    from?: ConversationState | null;
    to?: ConversationState | null;
  },
): Promise<void> {
  await deps.store.audit.append({
    _id: deps.newId(),
    siteId: entry.siteId,
    conversationId: entry.conversationId,
    ...(entry.visitorId ? { visitorId: entry.visitorId } : {}),
    action: entry.action,
    actor: entry.actor,
    reasons: entry.reasons ?? [],
    evidence: entry.evidence ?? [],
    note: entry.note ?? null,
    from: entry.from ?? null,
    to: entry.to ?? null,
    at: deps.clock.now(),
  });
}
