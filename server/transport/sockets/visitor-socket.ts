import type { FastifyInstance } from 'fastify';
import { errorMessages } from '../../../shared/errors';
import type { RawData, WebSocket } from 'ws';
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

/** What every visitor socket of this app shares: one reference per socket instead of one per part. */
interface VisitorSockets {
  deps: FlowDeps;
  overload: OverloadGuard;
  limits: { queueLimit: number; helloDeadlineMs: number };
  presence: VisitorPresence;
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
  new VisitorSocketSession({ deps, overload, limits, presence }, socket, opened, token);
}

/**
 * One visitor socket. A class, not a function of closures: its handlers live once on the prototype,
 * and an idle socket (most of a server's sockets) holds only these fields, the site's id and its
 * visitor's document, and the few closures its listeners and subscription need.
 */
class VisitorSocketSession {
  private visitor: Visitor | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The visitor this socket counts as present, once it said hello. */
  private present: string | null = null;
  /** One chain per socket: frames apply in order, and those arriving during set-up wait. Null while idle. */
  private chain: Promise<void> | null = null;
  private pending = 0;
  private failed = false;
  private readonly allow = createFrameLimiter();
  private readonly stopKeepAlive: () => void;
  private helloSaid: (() => void) | null;
  /** What the hub delivers through, and how it ends the socket when the visitor's data was erased. */
  private readonly deliver: (event: VisitorEvent) => void;
  private readonly endErased: () => void;

  constructor(
    private readonly shared: VisitorSockets,
    private readonly socket: WebSocket,
    /** The site as the socket opened: kept only for a site deleted since (currentSite). */
    private readonly opened: Site,
    private token: string | undefined,
  ) {
    // Assigned here, not as field initialisers: tsx (the bench, tests, dev) names initialiser arrows
    // with a property redefinition that gives each socket's copy a dictionary of its own.
    this.deliver = (event) => this.send(event);
    // Their data was erased: 'unauthenticated' makes the widget drop its token and start afresh.
    this.endErased = () => socket.close(PROTOCOL_CLOSE_CODE, 'unauthenticated');
    this.stopKeepAlive = keepAlive(socket);
    this.helloSaid = helloDeadline(socket, shared.limits.helloDeadlineMs);
    socket.on('message', (raw) => this.onFrame(raw));
    shared.deps.metrics.visitorSocket(1);
    socket.on('close', () => this.onClose());
  }

  private send(event: VisitorEvent): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(event));
  }

  private subscribe(visitor: Visitor): void {
    this.visitor = visitor;
    this.unsubscribe?.();
    this.unsubscribe = this.shared.deps.hub.subscribeVisitor(visitor._id, this.deliver, this.endErased);
  }

  /** `fresh`: the visitor was started just now and has no conversation to tell. */
  private isNow(visitorId: string, fresh: boolean): void {
    if (this.present === visitorId) return;
    if (this.present) this.shared.presence.left(this.present);
    this.present = visitorId;
    this.shared.presence.arrived(visitorId, { fresh });
  }

  private async handle(command: VisitorCommand): Promise<void> {
    const { deps } = this.shared;
    if (command.type === 'ping') return this.send({ type: 'pong', nonce: command.nonce });
    const site = await currentSite(deps, this.opened._id, this.opened);
    if (command.type === 'hello') {
      const resolved = await visitorForHello(deps, site, this.token, command.context);
      this.token = resolved.token;
      this.subscribe(resolved.visitor);
      this.send(await buildWelcome(deps, site, resolved.visitor, resolved.token, command.afterSeq, resolved.fresh));
      return this.isNow(resolved.visitor._id, resolved.fresh);
    }
    const visitor = this.visitor;
    if (!visitor) return this.send({ type: 'error', code: 'invalid_frame', message: 'Send hello first.' });
    if (command.type === 'resume') return this.send({ type: 'history', messages: await visitorHistory(deps, visitor, command.afterSeq) });
    const outcome = await runVisitorCommand(deps, site, visitor, command);
    if (outcome.kind === 'duplicate') this.send({ type: 'message_added', message: toWireMessage(outcome.message) });
    if (outcome.kind === 'new_visitor') {
      this.token = outcome.token;
      this.subscribe(outcome.visitor);
      // A welcome for the new visitor: the widget keeps its token and shows an empty transcript.
      this.send(await buildWelcome(deps, site, outcome.visitor, outcome.token, 0, true));
      this.send({ type: 'identity_checked', verified: true });
      this.isNow(outcome.visitor._id, true);
    }
    if (outcome.kind === 'identity') {
      this.visitor = outcome.visitor;
      this.send({ type: 'identity_checked', verified: outcome.verified });
    }
    if (outcome.kind === 'refused') {
      const clientMessageId = 'clientMessageId' in command ? command.clientMessageId : undefined;
      this.send({ type: 'error', code: outcome.code, message: outcome.message, ...(clientMessageId ? { clientMessageId } : {}) });
    }
  }

  /** A refusal that applied nothing: the client sends the same frame again later. */
  private refuse(frame: VisitorCommand, code: 'overloaded' | 'busy', retryAfterMs: number): void {
    if (frame.type === 'hello') {
      this.socket.close(PROTOCOL_CLOSE_CODE, 'overloaded');
      return;
    }
    const clientMessageId = 'clientMessageId' in frame ? frame.clientMessageId : undefined;
    this.send({ type: 'error', code, message: errorMessages[code], retryAfterMs, ...(clientMessageId ? { clientMessageId } : {}) });
  }

  private onFrame(raw: RawData): void {
    const { deps, overload, limits } = this.shared;
    const parsed = parseFrame(raw, VisitorCommand, this.allow);
    if (!parsed.ok) {
      this.send({ type: 'error', ...parsed.error });
      return;
    }
    const frame = parsed.frame;
    deps.metrics.socketFrame('visitor', frame.type);
    // On arrival, not once handled: a slow database must not turn a hello into a timeout.
    if (frame.type === 'hello') this.saidHello();
    if (frame.type !== 'ping') {
      const refusal = overload.refusal();
      const refused = refusal ? { code: 'overloaded' as const, retryAfterMs: refusal.retryAfterMs } : null;
      const busy = this.pending >= limits.queueLimit ? { code: 'busy' as const, retryAfterMs: overload.limits.retryAfterMs } : null;
      const refusing = refused ?? busy;
      if (refusing) {
        this.refuse(frame, refusing.code, refusing.retryAfterMs);
        return;
      }
    }
    this.pending++;
    const arrived = performance.now();
    const next = (this.chain ?? Promise.resolve())
      // A frame still queued when its socket closed is dropped: nobody is left to answer.
      .then(() => (this.socket.readyState === this.socket.OPEN && !this.failed ? this.handle(frame) : undefined))
      .then(() => deps.metrics.socketFrameHandled('visitor', (performance.now() - arrived) / 1000))
      .catch((error) => {
        deps.log.error({ err: error, siteId: this.opened._id, visitorId: this.visitor?._id }, 'visitor frame failed');
        this.send({ type: 'error', code: 'internal', message: 'That could not be done just now; it was logged. Try again.' });
        // Frames queued behind the failed one must not be applied before it (a message stored
        // ahead of an earlier one): close, so the client reconnects and resends in order.
        this.failed = true;
        this.socket.close(1011, 'retry');
      })
      .finally(() => {
        this.pending--;
        // Idle again: the settled chain is not kept.
        if (this.chain === next) this.chain = null;
      });
    this.chain = next;
  }

  private saidHello(): void {
    this.helloSaid?.();
    this.helloSaid = null;
  }

  private onClose(): void {
    this.shared.deps.metrics.visitorSocket(-1);
    this.saidHello();
    this.stopKeepAlive();
    this.unsubscribe?.();
    if (this.present) this.shared.presence.left(this.present);
  }
}
