import type { InternalNote as WireNote } from '../../../shared/operator-protocol';
import type { Operator } from '../../entities/operator';
import type { InternalNote } from '../../entities/internal-note';
import type { FlowDeps } from '../../composition';
import { operatorActor, recordAudit } from '../handoff/audit';
import { toWireNote } from '../handoff/wire';
import { conversationForOperator } from './inbox-queries';

/**
 * An operators-only note: stored apart from the messages, announced to the site's operators only
 * (never `hub.toVisitor`), audited. Any operator of the site may write one, whoever owns the case.
 */
export async function addInternalNote(deps: FlowDeps, operator: Operator, conversationId: string, text: string): Promise<WireNote> {
  const conversation = await conversationForOperator(deps, operator, conversationId);
  const note: InternalNote = {
    _id: deps.newId(),
    siteId: conversation.siteId,
    conversationId,
    author: { operatorId: operator._id, name: operator.name },
    text: text.trim(),
    createdAt: deps.clock.now(),
  };
  await deps.store.notes.insert(note);
  await recordAudit(deps, {
    siteId: conversation.siteId,
    conversationId,
    action: 'internal_note_added',
    actor: operatorActor(operator),
    from: conversation.state,
    to: conversation.state,
  });
  const wire = toWireNote(note);
  deps.hub.toSite(conversation.siteId, { type: 'note_added', siteId: conversation.siteId, note: wire });
  return wire;
}
