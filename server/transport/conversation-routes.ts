import type { FastifyInstance } from 'fastify';
import {
  ActionResponse,
  AuditResponse,
  ConversationDetail,
  ConversationIdParams,
  CorrectIntentBody,
  ListConversationsQuery,
  ListConversationsResponse,
  NoteBody,
  ReplyBody,
  TransferBody,
} from '../../shared/http';
import { type OwnershipCommand, ownedByAnother } from '../domain/ownership';
import { correctIntent } from '../flows/case-for';
import type { FlowDeps } from '../flows/deps';
import { replyAsOperator, runOperatorAction } from '../flows/operator-actions';
import { toAuditEntry, toSummary, toWireMessage } from '../flows/wire';
import type { ConversationDoc, OperatorDoc } from '../store/documents';
import { decodeCursor, encodeCursor, positionOf } from '../store/list-position';
import { authenticate, currentOperator } from './authenticate';
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import { CodedError } from '../coded-error';

export async function conversationRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  app.addHook('preHandler', authenticate(deps));

  const load = async (operatorSiteIds: string[], conversationId: string): Promise<ConversationDoc> => {
    const conversation = await deps.store.conversations.get(conversationId);
    if (!conversation || !operatorSiteIds.includes(conversation.siteId)) throw new CodedError('not_found', 'No conversation with that id.');
    return conversation;
  };

  app.get('/api/conversations', { schema: { querystring: ListConversationsQuery, response: { 200: ListConversationsResponse } } }, async (request): Promise<ListConversationsResponse> => {
    const operator = currentOperator(request);
    const query = request.query as ListConversationsQuery;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, query.view);
    if (after === null) {
      throw new CodedError('invalid_request', `That cursor does not continue the ${query.view} list: pass the nextCursor of the previous page of this view, or leave it out to start from the first page.`);
    }
    const [page, counts, callbacks] = await Promise.all([
      deps.store.conversations.list(operator.siteIds, query.view, {
        operatorId: operator._id,
        ...(query.queue ? { queue: query.queue } : {}),
        ...(query.q ? { q: query.q } : {}),
        ...(after ? { after } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
      }),
      deps.store.conversations.counts(operator.siteIds, operator._id),
      deps.store.callbacks.countPending(operator.siteIds),
    ]);
    const last = page.conversations.at(-1);
    const nextCursor = page.more && last ? encodeCursor(positionOf(query.view, last)) : null;
    return { conversations: page.conversations.map(toSummary), counts: { ...counts, callbacks }, nextCursor };
  });

  app.get('/api/conversations/:conversationId', { schema: { params: ConversationIdParams, response: { 200: ConversationDetail } } }, async (request): Promise<ConversationDetail> => {
    const operator = currentOperator(request);
    const { conversationId } = request.params as { conversationId: string };
    const conversation = await load(operator.siteIds, conversationId);
    const [messages, audit] = await Promise.all([
      deps.store.messages.after(conversationId, 0, 2000),
      deps.store.audit.forConversation(conversationId),
    ]);
    return {
      conversation: toSummary(conversation),
      messages: messages.map(toWireMessage),
      casePackage: conversation.casePackage,
      audit: audit.map(toAuditEntry),
    };
  });

  const action = (
    path: string,
    body: typeof NoteBody | typeof TransferBody,
    toCommand: (b: Record<string, unknown>, c: ConversationDoc, operator: OperatorDoc) => OwnershipCommand | Promise<OwnershipCommand>,
  ) =>
    app.post(`/api/conversations/:conversationId/${path}`, { schema: { params: ConversationIdParams, body, response: { 200: ActionResponse } } }, async (request) => {
      const operator = currentOperator(request);
      const { conversationId } = request.params as { conversationId: string };
      const conversation = await load(operator.siteIds, conversationId);
      const b = (request.body ?? {}) as Record<string, unknown>;
      const result = await runOperatorAction(deps, operator, conversationId, await toCommand(b, conversation, operator), (b.note as string | undefined) ?? null);
      if (!result.ok) throw refusal(result.code, result.message, result.conversation?.owner);
      return { conversation: toSummary(result.conversation) };
    });

  action('claim', NoteBody, () => ({ type: 'claim' }));
  action('barge-in', NoteBody, () => ({ type: 'barge_in' }));
  action('return-to-bot', NoteBody, () => ({ type: 'return_to_bot' }));
  action('resolve', NoteBody, () => ({ type: 'resolve' }));
  action('take-over', NoteBody, (_b, _c, operator) => {
    if (operator.role !== 'admin') throw new CodedError('forbidden', 'Only admins can take over a conversation another operator owns; ask them to transfer it.');
    return { type: 'take_over' };
  });
  action('transfer', TransferBody, async (b, conversation) => {
    const body = b as TransferBody;
    if (body.operatorId) {
      const target = await deps.store.operators.get(body.operatorId);
      if (!target?.siteIds.includes(conversation.siteId)) throw new CodedError('not_found', 'No operator with that id on this site.');
      return { type: 'transfer', toOperator: { operatorId: target._id, name: target.name } };
    }
    if (body.queue) {
      const site = await deps.store.sites.get(conversation.siteId);
      if (!site?.config.queues.some((q) => q.id === body.queue)) throw new CodedError('invalid_request', `No queue "${body.queue}" on this site.`);
      return { type: 'transfer', toQueue: body.queue };
    }
    throw new CodedError('invalid_request', 'Name a queue or an operator to transfer to.');
  });

  app.post('/api/conversations/:conversationId/reply', { schema: { params: ConversationIdParams, body: ReplyBody, response: { 200: ActionResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const { conversationId } = request.params as { conversationId: string };
    await load(operator.siteIds, conversationId);
    const result = await replyAsOperator(deps, operator, conversationId, request.body as ReplyBody);
    if (!result.ok) throw refusal(result.code, result.message, 'owner' in result ? result.owner : null);
    return { conversation: toSummary(result.conversation) };
  });

  app.post('/api/conversations/:conversationId/intent', { schema: { params: ConversationIdParams, body: CorrectIntentBody, response: { 200: ActionResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const { conversationId } = request.params as { conversationId: string };
    const conversation = await load(operator.siteIds, conversationId);
    if (ownedByAnother(conversation, operator._id)) {
      throw refusal('already_claimed', `Claimed by ${conversation.owner!.name}: only they can correct the intent.`, conversation.owner);
    }
    const updated = await correctIntent(deps, operator, conversation, (request.body as CorrectIntentBody).intent);
    return { conversation: toSummary(updated) };
  });

  app.get('/api/conversations/:conversationId/audit', { schema: { params: ConversationIdParams, response: { 200: AuditResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const { conversationId } = request.params as { conversationId: string };
    await load(operator.siteIds, conversationId);
    return { audit: (await deps.store.audit.forConversation(conversationId)).map(toAuditEntry) };
  });
}


/** A refused action; `already_claimed` also names the owner as data, so the inbox shows the lock at once. */
function refusal(code: ErrorCode, message: string, owner: ErrorBody['owner'] | null | undefined): CodedError {
  return new CodedError(code, message, undefined, code === 'already_claimed' ? (owner ?? undefined) : undefined);
}
