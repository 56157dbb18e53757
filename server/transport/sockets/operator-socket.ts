import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import * as z from 'zod/mini';
import { OperatorCommand, type OperatorEvent } from '../../../shared/operator-protocol';
import { isSupportedProtocolVersion, PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../../shared/protocol-version';
import type { FlowDeps } from '../../composition';
import { operatorIfSessionLive, sessionFromCookie, toOperatorIdentity } from '../../flows/operator/session';
import { relayOperatorTyping } from '../../flows/operator/typing';
import { operatorReturned, presenceTimers, setPresence } from '../../flows/operator/presence';
import type { Operator, OperatorSession } from '../../entities/operator';
import { SESSION_COOKIE } from '../authenticate';
import { createFrameLimiter, keepAlive, parseFrame } from './frame-guard';
import { HELLO_DEADLINE_MS, helloDeadline } from './hello-deadline';

const OperatorSocketQuery = z.object({ v: z.string().check(z.maxLength(8)) });

/**
 * As often as the keep-alive ping: a session revoked elsewhere ends its sockets, and a site taken
 * away stops reaching an idle inbox, within one tick.
 */
const SESSION_CHECK_MS = 10_000;

declare module 'fastify' {
  interface FastifyRequest {
    socketAuth?: { operator: Operator; session: OperatorSession } | null;
  }
}

/** A page on another origin must not ride an operator's cookie; an opaque or unparsable Origin is another origin. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return URL.canParse(origin) && new URL(origin).host === host;
}

export async function operatorSocketRoutes(
  app: FastifyInstance,
  opts: { deps: FlowDeps; sessionCheckMs?: number; helloDeadlineMs?: number; presenceDelays?: { awayMs: number; offlineMs: number } },
): Promise<void> {
  const { deps, sessionCheckMs = SESSION_CHECK_MS, helloDeadlineMs = HELLO_DEADLINE_MS } = opts;
  const presence = presenceTimers(deps, opts.presenceDelays);
  // An instance killed with inboxes open never closed their sockets: its heartbeats going stale stand in for that.
  const stopVanished = deps.hub.onOperatorsVanished((operatorIds) => {
    for (const id of operatorIds) presence.lastSocketClosed(id);
  });
  app.addHook('onClose', async () => {
    stopVanished();
    presence.stopAll();
  });
  app.addHook('onReady', async () => presence.afterRestart());

  app.get(
    '/ws/operator',
    {
      websocket: true,
      schema: { querystring: OperatorSocketQuery },
      // A refusal still opens the socket just long enough to close it with the protocol's
      // close code, since browsers cannot read an HTTP refusal.
      preHandler: async (request) => {
        const sameOrigin = isSameOrigin(request.headers.origin, request.headers.host);
        request.socketAuth = sameOrigin ? await sessionFromCookie(deps, request.cookies[SESSION_COOKIE]) : null;
      },
    },
    (socket: WebSocket, request) => {
      const { v } = request.query as z.infer<typeof OperatorSocketQuery>;
      if (!isSupportedProtocolVersion(v)) return socket.close(PROTOCOL_CLOSE_CODE, 'unsupported_version');
      if (!request.socketAuth) return socket.close(PROTOCOL_CLOSE_CODE, 'unauthenticated');
      const { operator, session } = request.socketAuth;
      const send = (event: OperatorEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      const signOut = () => socket.close(PROTOCOL_CLOSE_CODE, 'unauthenticated');
      const allow = createFrameLimiter(40, 10);
      const stopKeepAlive = keepAlive(socket);
      const helloSaid = helloDeadline(socket, helloDeadlineMs);
      const unsubscribe = deps.hub.subscribeOperator({
        operatorId: operator._id,
        sessionId: session._id,
        siteIds: operator.siteIds,
        send,
        end: signOut,
      });
      const sessionCheck = setInterval(() => {
        operatorIfSessionLive(deps, session)
          .then((fresh) => {
            if (!fresh) return signOut();
            deps.hub.updateOperatorSites(fresh._id, fresh.siteIds);
          })
          .catch((err) => request.log.error({ err, operatorId: operator._id }, 'session check failed'));
      }, sessionCheckMs);
      sessionCheck.unref();
      presence.connected(operator._id);
      send({ type: 'welcome', protocolVersion: PROTOCOL_VERSION, operator: toOperatorIdentity(operator) });
      operatorReturned(deps, operator).catch((err) => request.log.error({ err, operatorId: operator._id }, 'presence change failed'));

      const handle = async (command: OperatorCommand) => {
        if (command.type === 'ping') return send({ type: 'pong', nonce: command.nonce });
        if (command.type === 'hello') return;
        const fresh = await operatorIfSessionLive(deps, session);
        if (!fresh) return signOut();
        // Sites granted at connect time may have been taken away since: the fresh document governs.
        deps.hub.updateOperatorSites(fresh._id, fresh.siteIds);
        if (command.type === 'set_presence') return setPresence(deps, fresh, command.presence, true);
        const found = await relayOperatorTyping(deps, fresh, command.conversationId, command.isTyping);
        if (!found) send({ type: 'error', code: 'not_found', message: 'No conversation with that id.' });
      };

      socket.on('message', (raw) => {
        const parsed = parseFrame(raw, OperatorCommand, allow);
        if (!parsed.ok) return send({ type: 'error', ...parsed.error });
        if (parsed.frame.type === 'hello') helloSaid();
        deps.metrics.socketFrame('operator', parsed.frame.type);
        const arrived = performance.now();
        handle(parsed.frame)
          .then(() => deps.metrics.socketFrameHandled('operator', (performance.now() - arrived) / 1000))
          .catch((error) => {
            request.log.error({ err: error, operatorId: operator._id }, 'operator frame failed');
            send({ type: 'error', code: 'internal', message: 'That could not be done just now; it was logged.' });
          });
      });
      socket.on('close', () => {
        helloSaid();
        stopKeepAlive();
        clearInterval(sessionCheck);
        unsubscribe();
        if (!deps.hub.connectedOperators().has(operator._id)) presence.lastSocketClosed(operator._id);
      });
    },
  );
}
