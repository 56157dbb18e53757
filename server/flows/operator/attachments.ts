import type { Attachment } from '../../entities/attachment';
import type { Operator } from '../../entities/operator';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { attachmentText, attachmentWithBytes, storeAttachment, type Upload } from '../handoff/attachments';
import { replyAsOperator } from './actions';
import { conversationForOperator } from './inbox-queries';

/** A file from the operator who owns the conversation (or holds its offer), posted as their reply. */
export async function replyWithAttachment(
  deps: FlowDeps,
  operator: Operator,
  conversationId: string,
  upload: Upload & { clientMessageId: string },
) {
  const conversation = await conversationForOperator(deps, operator, conversationId);
  const owns = conversation.state === 'owned' && conversation.owner?.operatorId === operator._id;
  // Checked before the file is stored, so a refused reply leaves no file behind; the reply re-checks.
  if (!owns && conversation.offer?.operatorId !== operator._id) {
    throw new CodedError('transition_not_allowed', 'Claim the conversation before sending a file.');
  }
  const attachment = await storeAttachment(deps, conversation, { kind: 'operator', id: operator._id }, upload);
  return replyAsOperator(deps, operator, conversationId, {
    clientMessageId: upload.clientMessageId,
    text: attachmentText(undefined, attachment),
    attachment,
  });
}

/** A file an operator may read: one of a conversation on their sites. */
export async function operatorAttachment(
  deps: FlowDeps,
  operator: Operator,
  id: string,
): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const meta = await deps.store.attachments.get(id);
  if (!meta || !operator.siteIds.includes(meta.siteId)) throw new CodedError('not_found', 'No file with that id on your sites.');
  const found = await attachmentWithBytes(deps, id);
  if (!found) throw new CodedError('not_found', 'No file with that id on your sites.');
  return found;
}
