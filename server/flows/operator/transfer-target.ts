import type { TransferBody } from '../../../shared/http';
import { CodedError } from '../../coded-error';
import type { OwnershipCommand } from '../../domain/ownership';
import type { Conversation } from '../../entities/conversation';
import type { FlowDeps } from '../../composition';

/** The transfer a request names, checked against the conversation's site: a colleague on it, or one of its queues. */
export async function transferCommandFor(deps: FlowDeps, conversation: Conversation, body: TransferBody): Promise<OwnershipCommand> {
  if (body.operatorId) {
    const target = await deps.store.operators.get(body.operatorId);
    if (!target?.siteIds.includes(conversation.siteId)) throw new CodedError('not_found', 'No operator with that id on this site.');
    return { type: 'transfer', toOperator: { operatorId: target._id, name: target.name } };
  }
  if (body.queue) {
    const site = await deps.store.sites.get(conversation.siteId);
    if (!site?.config.queues.some((q) => q.id === body.queue))
      throw new CodedError('invalid_request', `No queue "${body.queue}" on this site.`);
    return { type: 'transfer', toQueue: body.queue };
  }
  throw new CodedError('invalid_request', 'Name a queue or an operator to transfer to.');
}
