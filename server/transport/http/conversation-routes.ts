import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import type { ErrorBody, ErrorCode } from '../../../shared/errors';
import type { TransferBody } from '../../../shared/http';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import type { OwnershipCommand } from '../../domain/ownership';
import type { Conversation } from '../../entities/conversation';
import type { Operator } from '../../entities/operator';
import { correctIntent } from '../../flows/handoff/case-for';
import { toSummary } from '../../flows/handoff/wire';
import { replyAsOperator, runOperatorAction } from '../../flows/operator/actions';
import { conversationAudit, conversationDetail, conversationForOperator, listInbox } from '../../flows/operator/inbox-queries';
import { addInternalNote } from '../../flows/operator/internal-note';
import { transferCommandFor } from '../../flows/operator/transfer-target';
import { authenticate, currentOperator } from '../authenticate';
import { routeServer } from './serve-route';

type ActionRoute =
  | typeof apiRoutes.claim
  | typeof apiRoutes.bargeIn
  | typeof apiRoutes.takeOver
  | typeof apiRoutes.returnToBot
  | typeof apiRoutes.resolve
  | typeof apiRoutes.transfer;

export async function conversationRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });

  serve(apiRoutes.listConversations, async (request) => listInbox(deps, currentOperator(request), request.query));

  serve(apiRoutes.conversation, async (request) => conversationDetail(deps, currentOperator(request), request.params.conversationId));

  const action = (
    route: ActionRoute,
    toCommand: (
      body: { note?: string } & Partial<TransferBody>,
      conversation: Conversation,
      operator: Operator,
    ) => OwnershipCommand | Promise<OwnershipCommand>,
  ) =>
    serve(route, async (request) => {
      const operator = currentOperator(request);
      const { conversationId } = request.params;
      const conversation = await conversationForOperator(deps, operator, conversationId);
      const body = request.body ?? {};
      const result = await runOperatorAction(
        deps,
        operator,
        conversationId,
        await toCommand(body, conversation, operator),
        body.note ?? null,
        conversation,
      );
      if (!result.ok) throw refusal(result.code, result.message, result.conversation?.owner);
      return { conversation: toSummary(result.conversation) };
    });

  action(apiRoutes.claim, () => ({ type: 'claim' }));
  action(apiRoutes.bargeIn, () => ({ type: 'barge_in' }));
  action(apiRoutes.returnToBot, () => ({ type: 'return_to_bot' }));
  action(apiRoutes.resolve, () => ({ type: 'resolve' }));
  action(apiRoutes.takeOver, (_body, _conversation, operator) => {
    if (operator.role !== 'admin')
      throw new CodedError('forbidden', 'Only admins can take over a conversation another operator owns; ask them to transfer it.');
    return { type: 'take_over' };
  });
  action(apiRoutes.transfer, (body, conversation) => transferCommandFor(deps, conversation, body));

  serve(apiRoutes.reply, async (request) => {
    const operator = currentOperator(request);
    const { conversationId } = request.params;
    await conversationForOperator(deps, operator, conversationId);
    const result = await replyAsOperator(deps, operator, conversationId, request.body);
    if (!result.ok) throw refusal(result.code, result.message, 'owner' in result ? result.owner : null);
    return { conversation: toSummary(result.conversation) };
  });

  serve(apiRoutes.correctIntent, async (request) => {
    const operator = currentOperator(request);
    const conversation = await conversationForOperator(deps, operator, request.params.conversationId);
    const result = await correctIntent(deps, operator, conversation, request.body.intent);
    if (!result.ok) throw refusal(result.code, result.message, result.owner);
    return { conversation: toSummary(result.conversation) };
  });

  serve(apiRoutes.addNote, async (request) => ({
    note: await addInternalNote(deps, currentOperator(request), request.params.conversationId, request.body.text),
  }));

  serve(apiRoutes.conversationAudit, async (request) => ({
    audit: await conversationAudit(deps, currentOperator(request), request.params.conversationId),
  }));
}

/** A refused action; `already_claimed` also names the owner as data, so the inbox shows the lock at once. */
function refusal(code: ErrorCode, message: string, owner: ErrorBody['owner'] | null | undefined): CodedError {
  return new CodedError(code, message, undefined, code === 'already_claimed' ? (owner ?? undefined) : undefined);
}
