import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';

/**
 * @fastify/websocket keeps the upgrade's Fastify request and reply for the socket's whole life (and
 * through them the raw request, a ServerResponse, a child logger and the headers): its 'error'
 * listener closes over them, and the TCP socket still points at the ServerResponse the upgrade was
 * routed with. A socket needs none of it once its handler has run; on thousands of idle sockets it
 * is most of what each one costs. Same behaviour on error as the plugin's default: log, terminate.
 */
export function releaseUpgradeRequest(socket: WebSocket, request: FastifyRequest, log: FastifyBaseLogger): void {
  socket.removeAllListeners('error');
  socket.on('error', (err) => {
    log.warn({ err }, 'socket error');
    socket.terminate();
  });
  const tcp = request.raw.socket as (typeof request.raw.socket & { _httpMessage?: { detachSocket(s: unknown): void } | null }) | null;
  tcp?._httpMessage?.detachSocket(tcp);
}
