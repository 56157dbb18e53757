import type { Attachment } from '../../entities/attachment';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { hashToken } from '../../security/token-hash';
import { attachmentText, attachmentWithBytes, storeAttachment, type Upload } from '../handoff/attachments';
import { postMessage } from '../handoff/post-message';
import { conversationIdsFor, reopenIfResolved } from './session';

/** The visitor a widget's token belongs to; never creates one (a file needs a conversation first). */
export async function visitorByToken(deps: FlowDeps, site: Site, token: string | undefined): Promise<Visitor> {
  const visitor = token ? await deps.store.visitors.byTokenHash(site._id, hashToken(token)) : null;
  if (!visitor) throw new CodedError('unauthenticated', 'This chat session is not known; reload the page and open the chat again.');
  return visitor;
}

/**
 * A file from the visitor, posted as their message in their current conversation. The bot is not
 * asked about it (it reads text only); a person sees it in the transcript.
 */
export async function sendVisitorAttachment(deps: FlowDeps, site: Site, visitor: Visitor, upload: Upload & { clientMessageId: string }) {
  const conversation = await conversationIdsFor(deps, site, visitor);
  const attachment = await storeAttachment(deps, conversation, { kind: 'visitor', id: visitor._id }, upload);
  const posted = await postMessage(
    deps,
    conversation,
    { sender: { kind: 'visitor' }, text: attachmentText(undefined, attachment), clientMessageId: upload.clientMessageId, attachment },
    {},
    (stored, message) => reopenIfResolved(deps, stored, message.seq - 1),
  );
  if (!posted) throw new CodedError('internal', 'The file was stored but its message was not; send it again.');
  return posted.message;
}

/** A file the visitor may read: only one of their own conversations'. */
export async function visitorAttachment(deps: FlowDeps, visitor: Visitor, id: string): Promise<{ attachment: Attachment; bytes: Buffer }> {
  const meta = await deps.store.attachments.get(id);
  const conversation = meta ? await deps.store.conversations.get(meta.conversationId) : null;
  if (!meta || conversation?.visitorId !== visitor._id) throw new CodedError('not_found', 'No file with that id in your conversation.');
  const found = await attachmentWithBytes(deps, id);
  if (!found) throw new CodedError('not_found', 'No file with that id in your conversation.');
  return found;
}
