import type { AttachmentRef } from '../../../shared/attachments';
import type { ChatModel } from '../../model/chat-model-types';

const sizeOf = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`);

/** An image is shown (fetched with the visitor's token); any other file is a download button. */
export function AttachmentView({ file, model }: { file: AttachmentRef; model: ChatModel }) {
  if (file.image) {
    model.loadImage(file.id);
    const url = model.fileUrls.value[file.id];
    return url ? <img class="im" src={url} alt={file.name} /> : <span class="im">{file.name}</span>;
  }
  return (
    <button type="button" class="k fl" onClick={() => model.download(file)}>
      {model.strings.value.download}: {file.name} ({sizeOf(file.size)})
    </button>
  );
}
