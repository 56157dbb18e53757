import * as z from 'zod/mini';

export {
  type AttachmentMediaType,
  MAX_ATTACHMENT_BYTES,
  attachmentAccept,
  attachmentTypes,
  operatorAttachmentPath,
  widgetAttachmentPath,
  widgetAttachmentsPath,
} from './attachment-types';

/** A message's file: enough to label, preview (images) or download it; the bytes are fetched by id. */
export const AttachmentRef = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number(),
  /** Shown inline (png, jpeg, gif, webp); everything else is downloaded. */
  image: z.boolean(),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;
