import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/attachments';
import { apiRoutes } from '../../../shared/api/routes';
import type { Attachment } from '../../entities/attachment';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { operatorAttachment, replyWithAttachment } from '../../flows/operator/attachments';
import { toSummary, toWireMessage } from '../../flows/handoff/wire';
import { sendVisitorAttachment, visitorAttachment, visitorByToken } from '../../flows/visitor/attachments';
import { siteByKey } from '../../flows/visitor/site';
import { authenticate, currentOperator } from '../authenticate';
import { routeServer } from './serve-route';

/**
 * The widget runs on the host's page, another origin. Its calls are CORS "simple requests" (token
 * and name in the query, a text/plain body), so no preflight is needed; it reads the answers.
 */
const widgetHeaders = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

function bytesOf(request: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(request.body)) throw new CodedError('invalid_request', 'Send the file itself as the request body.');
  return request.body;
}

/** Images are shown where they are; anything else only ever downloads, and nothing is sniffed into HTML. */
function sendFile(reply: FastifyReply, found: { attachment: Attachment; bytes: Buffer }) {
  const { attachment, bytes } = found;
  const disposition = attachment.image ? 'inline' : 'attachment';
  return reply
    .header('Content-Type', attachment.mediaType)
    .header('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(attachment.name)}`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, max-age=3600')
    .send(bytes);
}

export async function attachmentRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });
  // Only here: files arrive as raw bodies of any type (the type is read from the bytes, not this header).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/widget/')) reply.headers(widgetHeaders);
    if (Number(request.headers['content-length'] ?? 0) > MAX_ATTACHMENT_BYTES) throw new CodedError('attachment_too_large');
  });

  const visitorFor = async (siteKey: string, token: string) => {
    const site = await siteByKey(deps, siteKey);
    if (!site) throw new CodedError('unknown_site');
    return { site, visitor: await visitorByToken(deps, site, token) };
  };

  serve(apiRoutes.widgetUpload, async (request) => {
    const { site: siteKey, token, clientMessageId, name } = request.query;
    const { site, visitor } = await visitorFor(siteKey, token);
    const message = await sendVisitorAttachment(deps, site, visitor, { bytes: bytesOf(request), name, clientMessageId });
    return { message: toWireMessage(message) };
  });

  serve(apiRoutes.widgetFile, async (request, reply) => {
    const { visitor } = await visitorFor(request.query.site, request.query.token);
    return sendFile(reply, await visitorAttachment(deps, visitor, request.params.attachmentId));
  });

  serve(apiRoutes.attachFile, async (request) => {
    const { clientMessageId, name } = request.query;
    const result = await replyWithAttachment(deps, currentOperator(request), request.params.conversationId, {
      bytes: bytesOf(request),
      name,
      clientMessageId,
    });
    if (!result.ok) throw new CodedError(result.code, result.message);
    return { conversation: toSummary(result.conversation) };
  });

  serve(apiRoutes.attachment, async (request, reply) => {
    return sendFile(reply, await operatorAttachment(deps, currentOperator(request), request.params.attachmentId));
  });
}
