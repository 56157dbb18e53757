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
} from '../../../shared/http';
import type { OwnershipCommand } from '../../domain/ownership';
import { correctIntent } from '../../flows/handoff/case-for';
import type { FlowDeps } from '../../composition';
import { conversationAudit, conversationDetail, conversationForOperator, listInbox } from '../../flows/operator/inbox-queries';
import { replyAsOperator, runOperatorAction } from '../../flows/operator/actions';
import { transferCommandFor } from '../../flows/operator/transfer-target';
import { toSummary } from '../../flows/handoff/wire';
import type { Conversation } from '../../entities/conversation';
import type { Operator } from '../../entities/operator';
import { authenticate, currentOperator } from '../authenticate';
import type { ErrorBody, ErrorCode } from '../../../shared/errors';
import { CodedError } from '../../coded-error';

export async function conversationRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  app.addHook('preHandler', authenticate(deps));

  app.get('/api/conversations', { schema: { querystring: ListConversationsQuery, response: { 200: ListConversationsResponse } } }, async (request): Promise<ListConversationsResponse> => {
    return listInbox(deps, currentOperator(request), request.query as ListConversationsQuery);
  });

  app.get('/api/conversations/:conversationId', { schema: { params: ConversationIdParams, response: { 200: ConversationDetail } } }, async (request): Promise<ConversationDetail> => {
    const { conversationId } = request.params as { conversationId: string };
    return conversationDetail(deps, currentOperator(request), conversationId);
  });

  const action = (
    path: string,
    body: typeof NoteBody | typeof TransferBody,
    toCommand: (b: Record<string, unknown>, c: Conversation, operator: Operator) => OwnershipCommand | Promise<OwnershipCommand>,
  ) =>
    app.post(`/api/conversations/:conversationId/${path}`, { schema: { params: ConversationIdParams, body, response: { 200: ActionResponse } } }, async (request) => {
      const operator = currentOperator(request);
      const { conversationId } = request.params as { conversationId: string };
      const conversation = await conversationForOperator(deps, operator, conversationId);
      const b = (request.body ?? {}) as Record<string, unknown>;
      const result = await runOperatorAction(deps, operator, conversationId, await toCommand(b, conversation, operator), (b.note as string | undefined) ?? null, conversation);
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
  action('transfer', TransferBody, (b, conversation) => transferCommandFor(deps, conversation, b as TransferBody));

  app.post('/api/conversations/:conversationId/reply', { schema: { params: ConversationIdParams, body: ReplyBody, response: { 200: ActionResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const { conversationId } = request.params as { conversationId: string };
    await conversationForOperator(deps, operator, conversationId);
    const result = await replyAsOperator(deps, operator, conversationId, request.body as ReplyBody);
    if (!result.ok) throw refusal(result.code, result.message, 'owner' in result ? result.owner : null);
    return { conversation: toSummary(result.conversation) };
  });

  app.post('/api/conversations/:conversationId/intent', { schema: { params: ConversationIdParams, body: CorrectIntentBody, response: { 200: ActionResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const { conversationId } = request.params as { conversationId: string };
    const conversation = await conversationForOperator(deps, operator, conversationId);
    const result = await correctIntent(deps, operator, conversation, (request.body as CorrectIntentBody).intent);
    if (!result.ok) throw refusal(result.code, result.message, result.owner);
    return { conversation: toSummary(result.conversation) };
  });

  app.get('/api/conversations/:conversationId/audit', { schema: { params: ConversationIdParams, response: { 200: AuditResponse } } }, async (request) => {
    const { conversationId } = request.params as { conversationId: string };
    return { audit: await conversationAudit(deps, currentOperator(request), conversationId) };
  });
}


/** A refused action; `already_claimed` also names the owner as data, so the inbox shows the lock at once. */
function refusal(code: ErrorCode, message: string, owner: ErrorBody['owner'] | null | undefined): CodedError {
  return new CodedError(code, message, undefined, code === 'already_claimed' ? (owner ?? undefined) : undefined);
}
