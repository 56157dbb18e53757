import { widgetAttachmentPath, widgetAttachmentsPath } from '../../shared/attachment-types';
import type { ErrorCode } from '../../shared/errors';
import type { FileTransport } from '../model/chat-model-types';

/**
 * Files go over HTTP to the widget's own origin with the visitor's token in the query, as on the
 * socket: no cookies cross the host page, and a text/plain body with no custom header is a CORS
 * simple request (no preflight). The server reads the file's type from its bytes.
 */
export function createFileTransport(origin: string, siteKey: string, token: () => string | null): FileTransport {
  const query = (extra: Record<string, string> = {}) => new URLSearchParams({ site: siteKey, token: token() ?? '', ...extra });
  return {
    async upload(file, name, clientMessageId) {
      const response = await fetch(`${origin}${widgetAttachmentsPath}?${query({ clientMessageId, name })}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: file,
      });
      if (response.ok) return null;
      const body = (await response.json().catch(() => null)) as { code?: ErrorCode } | null;
      return body?.code ?? 'internal';
    },
    async read(id) {
      const response = await fetch(`${origin}${widgetAttachmentPath(id)}?${query()}`);
      if (!response.ok) throw new Error(`file ${id}: ${response.status}`);
      return response.blob();
    },
  };
}
