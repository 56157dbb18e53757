import type { FastifyInstance } from 'fastify';
import { errorMessages } from '../../../shared/errors';
import type { WebSocket } from 'ws';
import * as z from 'zod/mini';
import { isSupportedProtocolVersion, PROTOCOL_CLOSE_CODE } from '../../../shared/protocol-version';
import { VisitorCommand, type VisitorEvent } from '../../../shared/visitor-protocol';
import type { FlowDeps } from '../../composition';
import { runVisitorCommand } from '../../flows/visitor/commands';
import { currentSite, siteByKey } from '../../flows/visitor/site';
import { isOriginAllowed } from '../../domain/origin-policy';
import { buildWelcome, visitorForHello, visitorHistory } from '../../flows/visitor/session';
import { toWireMessage } from '../../flows/handoff/wire';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import type { OverloadGuard } from '../overload';
import { createFrameLimiter, keepAlive, parseFrame } from './frame-guard';
import { HELLO_DEADLINE_MS, helloDeadline } from './hello-deadline';
import { createVisitorPresence, type VisitorPresence, type VisitorPresenceOptions } from './visitor-presence';
import { releaseUpgradeRequest } from './release-upgrade';

/** Frames a socket may have waiting (one running, the rest queued) before more are refused as `busy`. */
export const DEFAULT_SOCKET_QUEUE_LIMIT = 16;

const VisitorSocketQuery = z.object({
  site: z.string().check(z.maxLength(64)),
  v: z.string().check(z.maxLength(8)),
  token: z.optional(z.string().check(z.maxLength(128))),
});

declare module 'fastify' {
  interface FastifyRequest {
    visitorSite?: Site | null;
  }
}

export async function visitorSocketRoutes(
  app: FastifyInstance,
  opts: { deps: FlowDeps; overload: OverloadGuard; queueLimit?: number; helloDeadlineMs?: number; presence?: VisitorPresenceOptions },
): Promise<void> {
  const { deps, overload } = opts;
  const limits = { queueLimit: opts.queueLimit ?? DEFAULT_SOCKET_QUEUE_LIMIT, helloDeadlineMs: opts.helloDeadlineMs ?? HELLO_DEADLINE_MS };
  const presence = createVisitorPresence(deps, opts.presence);
  app.addHook('onClose', async () => presence.stop());
  app.get(
    '/ws/visitor',
    {
      websocket: true,
      schema: { querystring: VisitorSocketQuery },
      // Looked up before the socket opens; a failure still opens it just long enough to
      // close with the protocol's close code, since browsers cannot read an HTTP refusal.
      preHandler: async (request) => {
        const { site } = request.query as z.infer<typeof VisitorSocketQuery>;
        request.visitorSite = await siteByKey(deps, site);
      },
    },
    (socket: WebSocket, request) => {
      const query = request.query as z.infer<typeof VisitorSocketQuery>;
      if (!isSupportedProtocolVersion(query.v)) return socket.close(PROTOCOL_CLOSE_CODE, 'unsupported_version');
      if (!request.visitorSite) return socket.close(PROTOCOL_CLOSE_CODE, 'unknown_site');
      // Checked on the upgrade: a page on another site holding a copied key never gets a welcome.
      if (!isOriginAllowed(request.headers.origin, request.visitorSite.config.allowedOrigins)) {
        deps.log.info({ siteId: request.visitorSite._id, origin: request.headers.origin }, 'visitor socket refused: origin not allowed');
        return socket.close(PROTOCOL_CLOSE_CODE, 'origin_not_allowed');
      }
      // The socket keeps ids and the token, never the request or its own copy of the site: the
      // site is the instance's shared cached one, fetched per frame (flows/visitor/site.ts).
      serveVisitorSocket(deps, overload, limits, socket, request.visitorSite, query.token, presence);
      releaseUpgradeRequest(socket, request, deps.log);
    },
  );
}

function serveVisitorSocket(
  deps: FlowDeps,
  overload: OverloadGuard,
  limits: { queueLimit: number; helloDeadlineMs: number },
  socket: WebSocket,
  opened: Site,
  token: string | undefined,
  presence: VisitorPresence,
): void {
  const siteId = opened._id;
  const send = (event: VisitorEvent) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
  };
  const allow = createFrameLimiter();
  const stopKeepAlive = keepAlive(socket);
  const helloSaid = helloDeadline(socket, limits.helloDeadlineMs);
  let visitor: Visitor | null = null;
  let unsubscribe = () => {};
  /** The visitor this socket counts as present, once it said hello. */
  let present: string | null = null;
  const isNow = (visitorId: string) => {
    if (present === visitorId) return;
    if (present) presence.left(present);
    present = visitorId;
    presence.arrived(visitorId);
  };
  // Their data was erased: 'unauthenticated' makes the widget drop its token and start afresh.
  const endErased = () => socket.close(PROTOCOL_CLOSE_CODE, 'unauthenticated');
  // One chain per socket: frames apply in order, and those arriving during set-up wait.
  let chain = Promise.resolve();
  let pending = 0;
  let failed = false;

  const handle = async (command: VisitorCommand) => {
    if (command.type === 'ping') return send({ type: 'pong', nonce: command.nonce });
    const site = await currentSite(deps, siteId, opened);
    if (command.type === 'hello') {
      const resolved = await visitorForHello(deps, site, token, command.context);
      visitor = resolved.visitor;
      token = resolved.token;
      unsubscribe();
      unsubscribe = deps.hub.subscribeVisitor(visitor._id, send, endErased);
      send(await buildWelcome(deps, site, visitor, resolved.token, command.afterSeq, resolved.fresh));
      return isNow(visitor._id);
    }
    if (!visitor) return send({ type: 'error', code: 'invalid_frame', message: 'Send hello first.' });
    if (command.type === 'resume') return send({ type: 'history', messages: await visitorHistory(deps, visitor, command.afterSeq) });
    const outcome = await runVisitorCommand(deps, site, visitor, command);
    if (outcome.kind === 'duplicate') send({ type: 'message_added', message: toWireMessage(outcome.message) });
    if (outcome.kind === 'new_visitor') {
      visitor = outcome.visitor;
      token = outcome.token;
      unsubscribe();
      unsubscribe = deps.hub.subscribeVisitor(visitor._id, send, endErased);
      // A welcome for the new visitor: the widget keeps its token and shows an empty transcript.
      send(await buildWelcome(deps, site, visitor, outcome.token, 0, true));
      send({ type: 'identity_checked', verified: true });
      isNow(visitor._id);
    }
    if (outcome.kind === 'identity') {
      visitor = outcome.visitor;
      send({ type: 'identity_checked', verified: outcome.verified });
    }
    if (outcome.kind === 'refused') {
      const clientMessageId = 'clientMessageId' in command ? command.clientMessageId : undefined;
      send({ type: 'error', code: outcome.code, message: outcome.message, ...(clientMessageId ? { clientMessageId } : {}) });
    }
  };

  /** A refusal that applied nothing: the client sends the same frame again later. */
  const refuse = (frame: VisitorCommand, code: 'overloaded' | 'busy', retryAfterMs: number) => {
    if (frame.type === 'hello') return socket.close(PROTOCOL_CLOSE_CODE, 'overloaded');
    const clientMessageId = 'clientMessageId' in frame ? frame.clientMessageId : undefined;
    send({ type: 'error', code, message: errorMessages[code], retryAfterMs, ...(clientMessageId ? { clientMessageId } : {}) });
  };

  socket.on('message', (raw) => {
    const parsed = parseFrame(raw, VisitorCommand, allow);
    if (!parsed.ok) return send({ type: 'error', ...parsed.error });
    const frame = parsed.frame;
    deps.metrics.socketFrame('visitor', frame.type);
    // On arrival, not once handled: a slow database must not turn a hello into a timeout.
    if (frame.type === 'hello') helloSaid();
    if (frame.type !== 'ping') {
      const refusal = overload.refusal();
      if (refusal) return refuse(frame, 'overloaded', refusal.retryAfterMs);
      if (pending >= limits.queueLimit) return refuse(frame, 'busy', overload.limits.retryAfterMs);
    }
    pending++;
    const arrived = performance.now();
    chain = chain
      // A frame still queued when its socket closed is dropped: nobody is left to answer.
      .then(() => (socket.readyState === socket.OPEN && !failed ? handle(frame) : undefined))
      .then(() => deps.metrics.socketFrameHandled('visitor', (performance.now() - arrived) / 1000))
      .catch((error) => {
        deps.log.error({ err: error, siteId, visitorId: visitor?._id }, 'visitor frame failed');
        send({ type: 'error', code: 'internal', message: 'That could not be done just now; it was logged. Try again.' });
        // Frames queued behind the failed one must not be applied before it (a message stored
        // ahead of an earlier one): close, so the client reconnects and resends in order.
        failed = true;
        socket.close(1011, 'retry');
      })
      .finally(() => {
        pending--;
      });
  });
  deps.metrics.visitorSocket(1);
  socket.on('close', () => {
    deps.metrics.visitorSocket(-1);
    helloSaid();
    stopKeepAlive();
    unsubscribe();
    if (present) presence.left(present);
  });
}
