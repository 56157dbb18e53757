import { type OperatorCommand, OperatorEvent } from '../shared/operator-protocol';
import { PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../shared/protocol-version';
import { backoffDelay } from '../frontend-common/backoff';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'stopped';

/** The live channel as models see it; tests pass a fake. */
export interface OperatorConnection {
  connect(): void;
  disconnect(): void;
  /** False when the socket is not open: typing indicators are best effort. */
  send(command: OperatorCommand): boolean;
  onEvent(listener: (event: OperatorEvent) => void): () => void;
  /** `reason` is set with 'stopped': the server's fatal close reason, e.g. 'unauthenticated'. */
  onStatus(listener: (status: ConnectionStatus, reason: string | null) => void): () => void;
}

/** The part of the browser WebSocket this client uses. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface OperatorSocketOptions {
  /** Origin with ws: or wss:, e.g. "wss://support.example.com". */
  wsOrigin: string;
  createSocket?: (url: string) => SocketLike;
  pingIntervalMs?: number;
  random?: () => number;
}

const OPEN = 1;

export function createOperatorSocket(options: OperatorSocketOptions): OperatorConnection {
  const url = `${options.wsOrigin}/ws/operator?v=${PROTOCOL_VERSION}`;
  const create = options.createSocket ?? ((u: string) => new WebSocket(u) as unknown as SocketLike);
  const pingInterval = options.pingIntervalMs ?? 10_000;
  const random = options.random ?? Math.random;
  const eventListeners = new Set<(event: OperatorEvent) => void>();
  const statusListeners = new Set<(status: ConnectionStatus, reason: string | null) => void>();
  let socket: SocketLike | null = null;
  let wanted = false;
  let attempt = 0;
  let nonce = 0;
  let unanswered = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const setStatus = (status: ConnectionStatus, reason: string | null = null) => {
    for (const listener of statusListeners) listener(status, reason);
  };

  function open() {
    setStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = create(url);
    socket = ws;
    ws.onopen = () => {
      unanswered = 0;
      send({ type: 'hello' });
      setStatus('open');
      pingTimer = setInterval(ping, pingInterval);
    };
    ws.onmessage = (message) => receive(message.data);
    ws.onerror = () => {};
    ws.onclose = (event) => {
      if (socket !== ws) return;
      detach();
      if (!wanted) return setStatus('idle');
      if (event.code === PROTOCOL_CLOSE_CODE) {
        wanted = false;
        return setStatus('stopped', event.reason || 'closed');
      }
      retry();
    };
  }

  function detach() {
    clearInterval(pingTimer);
    if (socket) socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    socket = null;
  }

  function retry() {
    setStatus('reconnecting');
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        open();
      },
      backoffDelay(attempt++, random()),
    );
  }

  // Two unanswered pings mean a half-open connection (sleeping laptop, dead proxy): drop it and reconnect.
  function ping() {
    if (unanswered >= 2) {
      const stale = socket;
      detach();
      stale?.close(4000, 'ping timeout');
      return retry();
    }
    unanswered += 1;
    send({ type: 'ping', nonce: ++nonce });
  }

  function receive(data: unknown) {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return console.warn('Ignored a socket frame that is not JSON');
    }
    const parsed = OperatorEvent.safeParse(json);
    if (!parsed.success) return console.warn('Ignored a socket frame outside the protocol', parsed.error.issues);
    if (parsed.data.type === 'welcome') attempt = 0;
    if (parsed.data.type === 'pong') unanswered = 0;
    for (const listener of eventListeners) listener(parsed.data);
  }

  function send(command: OperatorCommand): boolean {
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(command));
    return true;
  }

  return {
    connect() {
      wanted = true;
      if (socket || retryTimer !== undefined) return;
      attempt = 0;
      open();
    },
    disconnect() {
      wanted = false;
      clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = socket;
      detach();
      current?.close(1000, 'signed out');
      setStatus('idle');
    },
    send,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
}
