import { ATTACHMENT_NAME_HEADER, VISITOR_TOKEN_HEADER, widgetAttachmentPath, widgetAttachmentsPath } from '../../shared/attachment-types';
import type { ErrorCode } from '../../shared/errors';
import type { FileTransport } from '../model/chat-model-types';

/** Files go over HTTP to the widget's own origin with the visitor's token (no cookies cross the host page). */
export function createFileTransport(origin: string, siteKey: string, token: () => string | null): FileTransport {
  const site = encodeURIComponent(siteKey);
  const headers = (): Record<string, string> => ({ [VISITOR_TOKEN_HEADER]: token() ?? '' });
  return {
    async upload(file, name, clientMessageId) {
      const response = await fetch(`${origin}${widgetAttachmentsPath}?site=${site}&clientMessageId=${clientMessageId}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/octet-stream', [ATTACHMENT_NAME_HEADER]: encodeURIComponent(name) },
        body: file,
      });
      if (response.ok) return null;
      const body = (await response.json().catch(() => null)) as { code?: ErrorCode } | null;
      return body?.code ?? 'internal';
    },
    async read(id) {
      const response = await fetch(`${origin}${widgetAttachmentPath(id)}?site=${site}`, { headers: headers() });
      if (!response.ok) throw new Error(`file ${id}: ${response.status}`);
      return response.blob();
    },
  };
}
