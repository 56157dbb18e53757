import type { AuditEntry } from '../../../shared/audit';
import type { Callback as WireCallback } from '../../../shared/operator-protocol';
import type { ConversationDetail, ListConversationsQuery, ListConversationsResponse, SiteSummary } from '../../../shared/http';
import { CodedError } from '../../coded-error';
import type { Conversation } from '../../entities/conversation';
import type { Operator } from '../../entities/operator';
import { decodeCursor, encodeCursor, positionOf } from '../../store/list-position';
import type { FlowDeps } from '../../composition';
import { toAuditEntry, toSummary, toWireCallback, toWireMessage, toWireNote } from '../handoff/wire';

// What the operator inbox reads. Another site's conversation answers exactly like a missing one,
// so ids cannot be probed.

/** The conversation when it is on one of the operator's sites, else null. */
export async function findConversationForOperator(
  deps: FlowDeps,
  operator: Operator,
  conversationId: string,
): Promise<Conversation | null> {
  const conversation = await deps.store.conversations.get(conversationId);
  return conversation && operator.siteIds.includes(conversation.siteId) ? conversation : null;
}

export async function conversationForOperator(deps: FlowDeps, operator: Operator, conversationId: string): Promise<Conversation> {
  const conversation = await findConversationForOperator(deps, operator, conversationId);
  if (!conversation) throw new CodedError('not_found', 'No conversation with that id.');
  return conversation;
}

/** One page of a view, with every view's count, and where the next page starts. */
export async function listInbox(deps: FlowDeps, operator: Operator, query: ListConversationsQuery): Promise<ListConversationsResponse> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.view);
  if (after === null) {
    throw new CodedError(
      'invalid_request',
      `That cursor does not continue the ${query.view} list: pass the nextCursor of the previous page of this view, or leave it out to start from the first page.`,
    );
  }
  // A site that is not theirs answers like a missing one.
  if (query.site && !operator.siteIds.includes(query.site)) throw new CodedError('not_found', 'No site of yours has that id.');
  const siteIds = query.site ? [query.site] : operator.siteIds;
  const [page, counts, callbacks] = await Promise.all([
    deps.store.conversations.list(siteIds, query.view, {
      operatorId: operator._id,
      ...(query.queue ? { queue: query.queue } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(after ? { after } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
    }),
    deps.store.conversations.counts(siteIds, operator._id),
    deps.store.callbacks.countPending(siteIds),
  ]);
  const last = page.conversations.at(-1);
  const nextCursor = page.more && last ? encodeCursor(positionOf(query.view, last)) : null;
  return { conversations: page.conversations.map(toSummary), counts: { ...counts, callbacks }, nextCursor };
}

export async function conversationDetail(deps: FlowDeps, operator: Operator, conversationId: string): Promise<ConversationDetail> {
  const conversation = await conversationForOperator(deps, operator, conversationId);
  const [messages, audit, notes] = await Promise.all([
    deps.store.messages.after(conversationId, 0, 2000),
    deps.store.audit.forConversation(conversationId),
    deps.store.notes.forConversation(conversationId),
  ]);
  return {
    conversation: toSummary(conversation),
    visitorId: conversation.visitorId,
    messages: messages.map(toWireMessage),
    casePackage: conversation.casePackage,
    audit: audit.map(toAuditEntry),
    notes: notes.map(toWireNote),
    rating: conversation.rating ? { score: conversation.rating.score, comment: conversation.rating.comment } : null,
  };
}

export async function conversationAudit(deps: FlowDeps, operator: Operator, conversationId: string): Promise<AuditEntry[]> {
  await conversationForOperator(deps, operator, conversationId);
  return (await deps.store.audit.forConversation(conversationId)).map(toAuditEntry);
}

export async function listOperatorSites(deps: FlowDeps, operator: Operator): Promise<SiteSummary[]> {
  const sites = await deps.store.sites.list(operator.siteIds);
  return sites.map((s) => ({ siteId: s._id, name: s.name, siteKey: s.siteKey }));
}

export async function listCallbacks(deps: FlowDeps, operator: Operator): Promise<WireCallback[]> {
  const callbacks = await deps.store.callbacks.forSites(operator.siteIds);
  const names = await deps.store.conversations.visitorNames([...new Set(callbacks.map((c) => c.conversationId))]);
  return callbacks.map((c) => ({ ...toWireCallback(c), visitorName: names.get(c.conversationId) ?? null }));
}
