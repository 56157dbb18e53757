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
  const theirs = socket.listeners('error') as ((...args: unknown[]) => void)[];
  // Ours first, then theirs removed one by one: the listener list never empties, so the emitter
  // never deletes its 'error' key (a delete turns its listener table into a slower, larger dictionary).
  socket.on('error', (err) => {
    log.warn({ err }, 'socket error');
    socket.terminate();
  });
  for (const listener of theirs) socket.off('error', listener);
  const tcp = request.raw.socket as (typeof request.raw.socket & { _httpMessage?: { detachSocket(s: unknown): void } | null }) | null;
  tcp?._httpMessage?.detachSocket(tcp);
  if (tcp) dropClearedIdleTimer(tcp);
}

/**
 * The HTTP server's idle timeout (app.ts) armed a timer on the TCP socket; ws cleared it on the
 * upgrade (setTimeout(0)), but Node keeps the cleared Timeout and its bound callback on the socket
 * for its whole life. Dropped: an upgraded socket's liveness is the keep-alive's job.
 */
function dropClearedIdleTimer(tcp: object): void {
  const key = Object.getOwnPropertySymbols(tcp).find((s) => s.description === 'timeout');
  const timer = key && (tcp as Record<symbol, { _destroyed?: boolean; _idleTimeout?: number } | null>)[key];
  // Only a timer that no longer runs: a live one would still be due to fire.
  if (key && timer && (timer._destroyed || timer._idleTimeout === -1)) (tcp as Record<symbol, unknown>)[key] = null;
}
