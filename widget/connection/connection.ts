import { PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/protocol-version';
import type { VisitorCommand, VisitorEvent } from '../../shared/visitor-protocol';
import { backoffDelay } from '../../frontend-common/backoff';
import { browserClock, type Clock } from '../../frontend-common/clock';
import { isVisitorEvent } from './event-guard';
import { createHeartbeat } from './heartbeat';

export type ConnectionStatus =
  | { kind: 'idle' }
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open' }
  | { kind: 'waiting'; attempt: number; delayMs: number }
  | { kind: 'failed'; reason: string };

export interface ConnectionListener {
  status(status: ConnectionStatus): void;
  event(event: VisitorEvent): void;
}

/** What the chat model needs from a transport; the real one is a WebSocket, tests use a fake. */
export interface VisitorConnection {
  /** Connects, and keeps reconnecting with backoff until stop() or a fatal close. */
  start(): void;
  stop(): void;
  /** Drops any socket or pending retry and connects at once (back online, token changed). */
  reconnectNow(): void;
  /** Sends on an open socket; false when there is none, so the caller keeps the command queued. */
  send(command: VisitorCommand): boolean;
  listen(listener: ConnectionListener): () => void;
}

export type CloseDecision = { kind: 'retry' } | { kind: 'drop_token' } | { kind: 'fatal'; reason: string };

const retryableReasons = new Set(['rate_limited', 'db_unavailable', 'internal']);

/** The server closes with one application code for fatal errors; the reason says which (shared/errors.ts). */
export function decideOnClose(code: number, reason: string): CloseDecision {
  if (code !== PROTOCOL_CLOSE_CODE) return { kind: 'retry' };
  if (reason === 'unauthenticated') return { kind: 'drop_token' };
  if (retryableReasons.has(reason)) return { kind: 'retry' };
  return { kind: 'fatal', reason: reason || 'unknown' };
}

export function socketUrl(scriptOrigin: string, siteKey: string, token: string | null): string {
  const ws = scriptOrigin.replace(/^http/, 'ws');
  const auth = token ? `&token=${encodeURIComponent(token)}` : '';
  return `${ws}/ws/visitor?site=${encodeURIComponent(siteKey)}&v=${PROTOCOL_VERSION}${auth}`;
}

/** The subset of the browser WebSocket the client uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
}

export interface SocketConnectionOptions {
  /** Called before every attempt, so a token stored or dropped meanwhile is used. */
  url(): string;
  /** The server refused the token: forget it, the next attempt starts a fresh visitor. */
  onTokenRejected(): void;
  clock?: Clock;
  random?: () => number;
  createSocket?: (url: string) => SocketLike;
}

const OPEN = 1;

export function createSocketConnection(options: SocketConnectionOptions): VisitorConnection & { ignoredFrames(): number } {
  const clock = options.clock ?? browserClock;
  const random = options.random ?? Math.random;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const listeners = new Set<ConnectionListener>();
  let socket: SocketLike | null = null;
  let running = false;
  let attempt = 0;
  let tokenRejections = 0;
  let retryTimer: unknown = null;
  let ignored = 0;

  const setStatus = (status: ConnectionStatus) => {
    for (const listener of listeners) listener.status(status);
  };
  const sendRaw = (command: VisitorCommand) => {
    if (socket?.readyState !== OPEN) return false;
    socket.send(JSON.stringify(command));
    return true;
  };
  const heartbeat = createHeartbeat({ clock, ping: (nonce) => sendRaw({ type: 'ping', nonce }), onDead: () => abandon(true) });

  function connect() {
    retryTimer = null;
    setStatus({ kind: 'connecting', attempt });
    let ws: SocketLike;
    try {
      ws = createSocket(options.url());
    } catch (error) {
      // A CSP without our origin in connect-src throws here; log it for the site owner and keep trying.
      console.warn('[baton] could not open the chat connection', error);
      scheduleRetry();
      return;
    }
    socket = ws;
    // Each handler checks it still belongs to the current socket: an abandoned one may fire late.
    ws.onopen = () => {
      if (socket !== ws) return;
      heartbeat.start();
      setStatus({ kind: 'open' });
    };
    ws.onmessage = (message) => {
      if (socket === ws) receive(message.data);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      heartbeat.stop();
      afterClose(decideOnClose(event.code, event.reason));
    };
  }

  function receive(data: unknown) {
    let event: unknown;
    try {
      event = JSON.parse(String(data));
    } catch {
      // Not JSON: `event` stays undefined and the guard below drops it.
    }
    // Not JSON, or not a frame of the protocol (event-guard.ts): counted and dropped, never applied.
    if (!isVisitorEvent(event)) {
      ignored += 1;
      console.warn('[baton] ignored a frame outside the protocol', ignored);
      return;
    }
    // A valid frame proves the server accepted this socket: the next failure starts backoff afresh.
    attempt = 0;
    tokenRejections = 0;
    if (event.type === 'pong') heartbeat.pong(event.nonce);
    else for (const listener of listeners) listener.event(event);
  }

  function afterClose(decision: CloseDecision) {
    if (decision.kind === 'drop_token') {
      options.onTokenRejected();
      tokenRejections += 1;
    }
    // Refused twice in a row even without a token: treat it as fatal instead of looping.
    if (decision.kind === 'fatal' || tokenRejections > 1) {
      running = false;
      setStatus({ kind: 'failed', reason: decision.kind === 'fatal' ? decision.reason : 'unauthenticated' });
      return;
    }
    if (running) scheduleRetry();
    else setStatus({ kind: 'idle' });
  }

  function scheduleRetry() {
    const delayMs = backoffDelay(attempt, random());
    attempt += 1;
    setStatus({ kind: 'waiting', attempt, delayMs });
    retryTimer = clock.setTimeout(connect, delayMs);
  }

  /** Lets go of the current socket without waiting for its close event (dead sockets close late). */
  function abandon(retry: boolean) {
    const ws = socket;
    socket = null;
    heartbeat.stop();
    if (retryTimer !== null) clock.clearTimeout(retryTimer);
    retryTimer = null;
    ws?.close();
    if (retry && running) scheduleRetry();
  }

  return {
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      connect();
    },
    stop() {
      running = false;
      abandon(false);
      setStatus({ kind: 'idle' });
    },
    reconnectNow() {
      if (!running) return;
      abandon(false);
      connect();
    },
    send: sendRaw,
    ignoredFrames: () => ignored,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
