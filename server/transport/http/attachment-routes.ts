import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { ATTACHMENT_NAME_HEADER, MAX_ATTACHMENT_BYTES, VISITOR_TOKEN_HEADER, widgetAttachmentsPath } from '../../../shared/attachments';
import { Message } from '../../../shared/entities';
import { ActionResponse, ConversationIdParams } from '../../../shared/http';
import type { Attachment } from '../../entities/attachment';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { operatorAttachment, replyWithAttachment } from '../../flows/operator/attachments';
import { toSummary, toWireMessage } from '../../flows/handoff/wire';
import { sendVisitorAttachment, visitorAttachment, visitorByToken } from '../../flows/visitor/attachments';
import { siteByKey } from '../../flows/visitor/site';
import { authenticate, currentOperator } from '../authenticate';

const SiteQuery = z.object({ site: z.string().check(z.minLength(1), z.maxLength(64)) });
const UploadQuery = z.object({ ...SiteQuery.shape, clientMessageId: z.string().check(z.minLength(1), z.maxLength(64)) });
const OperatorUploadQuery = z.object({ clientMessageId: z.string().check(z.minLength(1), z.maxLength(64)) });
const AttachmentIdParams = z.object({ attachmentId: z.string().check(z.minLength(1), z.maxLength(64)) });

/** The widget runs on the host's page, another origin: it may call these with its token header, never with cookies. */
const corsHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': `content-type, ${ATTACHMENT_NAME_HEADER}, ${VISITOR_TOKEN_HEADER}`,
  'Access-Control-Max-Age': '600',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

function uploadOf(request: FastifyRequest, clientMessageId: string) {
  const raw = request.headers[ATTACHMENT_NAME_HEADER];
  let name = 'file';
  try {
    if (typeof raw === 'string') name = decodeURIComponent(raw);
  } catch {
    throw new CodedError('invalid_request', `The ${ATTACHMENT_NAME_HEADER} header must be the file name, URI-encoded.`);
  }
  if (!Buffer.isBuffer(request.body)) throw new CodedError('invalid_request', 'Send the file itself as the request body.');
  return { bytes: request.body, name, clientMessageId };
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
  // Only here: files arrive as raw bodies of any type (the type is read from the bytes, not this header).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > MAX_ATTACHMENT_BYTES) throw new CodedError('attachment_too_large');
  });

  const visitorFor = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(corsHeaders);
    const site = await siteByKey(deps, (request.query as z.infer<typeof SiteQuery>).site);
    if (!site) throw new CodedError('unknown_site');
    const token = request.headers[VISITOR_TOKEN_HEADER];
    return { site, visitor: await visitorByToken(deps, site, typeof token === 'string' ? token : undefined) };
  };

  app.options(widgetAttachmentsPath, async (_request, reply) => reply.headers(corsHeaders).status(204).send());
  app.options(`${widgetAttachmentsPath}/:attachmentId`, async (_request, reply) => reply.headers(corsHeaders).status(204).send());

  app.post(widgetAttachmentsPath, { schema: { querystring: UploadQuery, response: { 200: z.object({ message: Message }) } } }, async (request, reply) => {
    const { site, visitor } = await visitorFor(request, reply);
    const message = await sendVisitorAttachment(deps, site, visitor, uploadOf(request, (request.query as z.infer<typeof UploadQuery>).clientMessageId));
    return { message: toWireMessage(message) };
  });

  app.get(`${widgetAttachmentsPath}/:attachmentId`, { schema: { querystring: SiteQuery, params: AttachmentIdParams } }, async (request, reply) => {
    const { visitor } = await visitorFor(request, reply);
    return sendFile(reply, await visitorAttachment(deps, visitor, (request.params as z.infer<typeof AttachmentIdParams>).attachmentId));
  });

  app.post(
    '/api/conversations/:conversationId/attachments',
    { preHandler: authenticate(deps), schema: { params: ConversationIdParams, querystring: OperatorUploadQuery, response: { 200: ActionResponse } } },
    async (request) => {
      const { conversationId } = request.params as { conversationId: string };
      const { clientMessageId } = request.query as z.infer<typeof OperatorUploadQuery>;
      const result = await replyWithAttachment(deps, currentOperator(request), conversationId, uploadOf(request, clientMessageId));
      if (!result.ok) throw new CodedError(result.code, result.message);
      return { conversation: toSummary(result.conversation) };
    },
  );

  app.get('/api/attachments/:attachmentId', { preHandler: authenticate(deps), schema: { params: AttachmentIdParams } }, async (request, reply) => {
    return sendFile(reply, await operatorAttachment(deps, currentOperator(request), (request.params as z.infer<typeof AttachmentIdParams>).attachmentId));
  });
}
