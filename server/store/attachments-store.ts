import { Readable } from 'node:stream';
import { type Db, GridFSBucket } from 'mongodb';
import type { Attachment } from '../entities/attachment';

type Metadata = Omit<Attachment, '_id' | 'name' | 'size' | 'createdAt'>;
interface FileDoc {
  _id: string;
  filename: string;
  length: number;
  uploadDate: Date;
  metadata: Metadata;
}

/**
 * Files in the database itself (GridFS through the official driver, bucket `attachments`), so there
 * is no second storage to run or back up. Works on FerretDB 1.24 as on MongoDB (checked by
 * server/integration/attachments.int.test.ts).
 */
export function attachmentsStore(db: Db) {
  const bucket = new GridFSBucket(db, { bucketName: 'attachments' });
  const files = db.collection<FileDoc>('attachments.files');
  const toAttachment = (doc: FileDoc): Attachment => ({
    _id: doc._id,
    name: doc.filename,
    size: doc.length,
    createdAt: doc.uploadDate,
    ...doc.metadata,
  });
  return {
    async put(attachment: Omit<Attachment, 'size' | 'createdAt'>, bytes: Uint8Array): Promise<Attachment> {
      const { _id, name, ...metadata } = attachment;
      const upload = bucket.openUploadStreamWithId(_id as never, name, { metadata });
      await new Promise<void>((resolve, reject) => {
        Readable.from([Buffer.from(bytes)])
          .pipe(upload)
          .on('finish', () => resolve())
          .on('error', reject);
      });
      const stored = await files.findOne({ _id });
      if (!stored) throw new Error(`Attachment ${_id} was not found after its upload`);
      return toAttachment(stored);
    },
    async get(id: string): Promise<Attachment | null> {
      const doc = await files.findOne({ _id: id });
      return doc ? toAttachment(doc) : null;
    },
    async listForConversations(conversationIds: string[]): Promise<Attachment[]> {
      if (conversationIds.length === 0) return [];
      return (
        await files
          .find({ 'metadata.conversationId': { $in: conversationIds } })
          .sort({ uploadDate: 1 })
          .toArray()
      ).map(toAttachment);
    },
    async bytes(id: string): Promise<Buffer> {
      const chunks: Buffer[] = [];
      for await (const chunk of bucket.openDownloadStream(id as never)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
