/** A stored file: its bytes live in GridFS; this is its metadata, as kept beside them. */
export interface Attachment {
  _id: string;
  conversationId: string;
  siteId: string;
  name: string;
  mediaType: string;
  size: number;
  image: boolean;
  uploadedBy: { kind: 'visitor' | 'operator'; id: string };
  createdAt: Date;
}
