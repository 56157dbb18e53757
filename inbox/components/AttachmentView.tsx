import { type AttachmentRef, operatorAttachmentPath } from '../../shared/attachment-types';

const sizeOf = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);

/** A message's file: an image is shown (same origin, the session cookie authorises it); anything else downloads. */
export function AttachmentView({ file }: { file: AttachmentRef }) {
  const href = operatorAttachmentPath(file.id);
  if (file.image) {
    return (
      <a href={href} target="_blank" rel="noopener" class="attachment">
        <img src={href} alt={file.name} class="attachment-image" />
      </a>
    );
  }
  return (
    <a href={href} download={file.name} class="attachment">
      Download {file.name} ({sizeOf(file.size)})
    </a>
  );
}
