// Zod-free on purpose: the widget imports these at runtime and bundles no zod (see shared/widget-locales.ts).

/** The largest file either side may attach (5 MB, as KB/MB elsewhere: 1000-based). */
export const MAX_ATTACHMENT_BYTES = 5_000_000;

/** The file kinds Baton accepts, by media type, with the name endings each may carry. */
export const attachmentTypes = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log', 'md'],
  'text/csv': ['csv'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
} as const satisfies Record<string, readonly string[]>;
export type AttachmentMediaType = keyof typeof attachmentTypes;

/** What the file input offers; the server decides from the bytes, not from this. */
export const attachmentAccept = Object.values(attachmentTypes)
  .flat()
  .map((ending) => `.${ending}`)
  .join(',');

/** A message's file as both front ends read it (the zod schema is AttachmentRef in ./attachments). */
export interface AttachmentRef {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  image: boolean;
}

/** Paths: visitors on the widget's origin-free API, operators under their conversation. */
export const widgetAttachmentsPath = '/api/widget/attachments';
export const widgetAttachmentPath = (id: string) => `${widgetAttachmentsPath}/${encodeURIComponent(id)}`;
export const operatorAttachmentPath = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;
