import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { OperatorCommand, type OperatorEvent } from '../../shared/operator-protocol';
import { PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/protocol-version';
import type { FlowDeps } from '../flows/deps';
import { sessionFromCookie, toOperatorIdentity } from '../flows/operator-session';
import { operatorReturned, presenceTimers, setPresence } from '../flows/presence';
import type { OperatorDoc } from '../store/documents';
import { SESSION_COOKIE } from './authenticate';
import { createFrameLimiter, keepAlive, parseFrame } from './frame-guard';

declare module 'fastify' {
  interface FastifyRequest {
    socketOperator?: OperatorDoc | null;
  }
}

export async function operatorSocketRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  const presence = presenceTimers(deps);
  app.addHook('onClose', async () => presence.stopAll());
  app.addHook('onReady', async () => presence.afterRestart());

  app.get(
    '/ws/operator',
    {
      websocket: true,
      preHandler: async (request) => {
        // A page on another origin must not ride an operator's cookie into this socket.
        const origin = request.headers.origin;
        const sameOrigin = !origin || new URL(origin).host === request.headers.host;
        const found = sameOrigin ? await sessionFromCookie(deps, request.cookies[SESSION_COOKIE]) : null;
        request.socketOperator = found?.operator ?? null;
      },
    },
    (socket: WebSocket, request) => {
      const v = Number((request.query as { v?: string }).v);
      if (v !== PROTOCOL_VERSION) return socket.close(PROTOCOL_CLOSE_CODE, 'unsupported_version');
      const operator = request.socketOperator;
      if (!operator) return socket.close(PROTOCOL_CLOSE_CODE, 'unauthenticated');
      const send = (event: OperatorEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      const allow = createFrameLimiter(40, 10);
      const stopKeepAlive = keepAlive(socket);
      const unsubscribe = deps.hub.subscribeOperator(operator._id, operator.siteIds, send);
      presence.connected(operator._id);
      send({ type: 'welcome', protocolVersion: PROTOCOL_VERSION, operator: toOperatorIdentity(operator) });
      operatorReturned(deps, operator).catch((err) => request.log.error({ err, operatorId: operator._id }, 'presence change failed'));

      const handle = async (command: OperatorCommand) => {
        if (command.type === 'ping') return send({ type: 'pong', nonce: command.nonce });
        const fresh = await deps.store.operators.get(operator._id);
        if (!fresh) return socket.close(PROTOCOL_CLOSE_CODE, 'unauthenticated');
        if (command.type === 'set_presence') return setPresence(deps, fresh, command.presence, true);
        const conversation = await deps.store.conversations.get(command.conversationId);
        // Typing reaches the visitor only from the conversation's owner, within the operator's sites.
        if (!conversation || !fresh.siteIds.includes(conversation.siteId)) {
          return send({ type: 'error', code: 'not_found', message: 'No conversation with that id.' });
        }
        if (conversation.state === 'owned' && conversation.owner?.operatorId === fresh._id) {
          deps.hub.toVisitor(conversation.visitorId, { type: 'operator_typing', isTyping: command.isTyping });
        }
      };

      socket.on('message', (raw) => {
        const parsed = parseFrame(raw, OperatorCommand, allow);
        if (!parsed.ok) return send({ type: 'error', ...parsed.error });
        handle(parsed.frame).catch((error) => {
          request.log.error({ err: error, operatorId: operator._id }, 'operator frame failed');
          send({ type: 'error', code: 'internal', message: 'That could not be done just now; it was logged.' });
        });
      });
      socket.on('close', () => {
        stopKeepAlive();
        unsubscribe();
        if (!deps.hub.connectedOperators().has(operator._id)) presence.lastSocketClosed(operator._id);
      });
    },
  );
}
