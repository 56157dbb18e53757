import type { AttachmentRef } from '../../../shared/attachments';
import { checkAttachment } from '../../domain/attachment-check';
import type { Attachment } from '../../entities/attachment';
import type { Conversation } from '../../entities/conversation';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';

export interface Upload {
  bytes: Uint8Array;
  name: string;
}

/** Checks a file (size, type from its bytes) and stores it with its conversation; refusals are coded errors. */
export async function storeAttachment(
  deps: FlowDeps,
  conversation: Pick<Conversation, '_id' | 'siteId'>,
  uploadedBy: Attachment['uploadedBy'],
  upload: Upload,
): Promise<AttachmentRef> {
  const verdict = checkAttachment(upload.bytes, upload.name);
  if (!verdict.ok) throw new CodedError(verdict.code, verdict.message);
  const stored = await deps.store.attachments.put(
    {
      _id: deps.newId(),
      conversationId: conversation._id,
      siteId: conversation.siteId,
      name: verdict.name,
      mediaType: verdict.mediaType,
      image: verdict.image,
      uploadedBy,
    },
    upload.bytes,
  );
  return { id: stored._id, name: stored.name, mediaType: stored.mediaType, size: stored.size, image: stored.image };
}

/** A file and its bytes, for someone already allowed to read its conversation. */
export async function attachmentWithBytes(deps: FlowDeps, id: string): Promise<{ attachment: Attachment; bytes: Buffer } | null> {
  const attachment = await deps.store.attachments.get(id);
  if (!attachment) return null;
  return { attachment, bytes: await deps.store.attachments.bytes(id) };
}

/** The caption a message with a file carries: the sender's words, or the file's name. */
export const attachmentText = (caption: string | undefined, ref: AttachmentRef) => caption?.trim() || ref.name;
