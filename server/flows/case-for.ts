import type { CasePackage } from '../../shared/case-package';
import { buildCasePackage, correctIntent as correctCaseIntent, refreshCasePackage } from '../domain/case-package';
import type { HandoffDecision, Turn } from '../domain/handoff-decision';
import type { ConversationDoc, OperatorDoc, SiteDoc, VisitorDoc } from '../store/documents';
import { recordAudit } from './audit';
import type { FlowDeps } from './deps';
import { operatorActor } from './operator-actions';
import { toSummary } from './wire';

export async function buildCaseFor(
  deps: FlowDeps,
  _site: SiteDoc,
  visitor: VisitorDoc,
  conversation: ConversationDoc,
  decision: HandoffDecision,
  turns: Turn[],
): Promise<CasePackage> {
  const earlier = await deps.store.conversations.countForVisitor(visitor._id);
  const identity = visitor.identity;
  return buildCasePackage({
    decision,
    turns,
    visitor: {
      name: identity?.name ?? null,
      email: identity?.email ?? null,
      verified: visitor.verified,
      locale: visitor.context.locale ?? null,
      timeZone: visitor.context.timeZone ?? null,
      page: visitor.context.page ?? null,
      referrer: visitor.context.referrer ?? null,
      tags: visitor.verified ? (identity?.tags ?? []) : [],
      attributes: visitor.verified ? (identity?.attributes ?? {}) : {},
    },
    earlierConversations: Math.max(0, earlier - 1),
    facts: conversation.facts,
    now: deps.clock.now().toISOString(),
  });
}

/** A visitor message after the handoff may bring the missing facts: the operator sees them at once. */
export async function refreshCaseWith(deps: FlowDeps, conversation: ConversationDoc, turn: Turn): Promise<void> {
  if (!conversation.casePackage || (conversation.state !== 'queued' && conversation.state !== 'owned')) return;
  const refreshed = refreshCasePackage(conversation.casePackage, { turns: [turn] }, deps.clock.now().toISOString());
  const updated = await deps.store.conversations.patch(conversation._id, {
    casePackage: refreshed,
    facts: refreshed.facts,
    missingFacts: refreshed.missingFacts,
  });
  if (updated) deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
}

/** Operators' corrections are recorded, so the share of wrong intents can be measured. */
export async function correctIntent(deps: FlowDeps, operator: OperatorDoc, conversation: ConversationDoc, intent: string): Promise<ConversationDoc> {
  const now = deps.clock.now();
  const casePackage = conversation.casePackage ? correctCaseIntent(conversation.casePackage, intent, operator.name, now.toISOString()) : null;
  const updated = (await deps.store.conversations.patch(conversation._id, { intent, casePackage })) ?? conversation;
  await recordAudit(deps, {
    siteId: conversation.siteId,
    conversationId: conversation._id,
    action: 'intent_corrected',
    actor: operatorActor(operator),
    reasons: [intent],
    evidence: [`was ${conversation.intent ?? 'unknown'}`],
  });
  deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
  return updated;
}
