import WebSocket from 'ws';
import { OperatorEvent } from '../../shared/operator-protocol';
import { PROTOCOL_VERSION } from '../../shared/protocol-version';
import { VisitorEvent } from '../../shared/visitor-protocol';
import type { Harness } from './harness';

/** Far from the small nonces tests send themselves. */
let pingNonce = 1_000_000;

/** A real WebSocket client that parses every frame with the shared schema and lets tests await one. */
export class SocketClient<E extends { type: string }> {
  readonly events: E[] = [];
  private waiters: { match: (e: E) => boolean; resolve: (e: E) => void }[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(
    readonly ws: WebSocket,
    parse: (data: unknown) => E,
  ) {
    ws.on('message', (raw) => {
      const event = parse(JSON.parse(raw.toString()));
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(event)) return true;
        w.resolve(event);
        return false;
      });
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.ws.readyState === WebSocket.OPEN) return resolve();
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Resolves with the first event (already seen or future) matching; rejects after `ms`. */
  waitFor<T extends E['type']>(
    type: T,
    where: (e: Extract<E, { type: T }>) => boolean = () => true,
    ms = 10_000,
  ): Promise<Extract<E, { type: T }>> {
    const match = (e: E) => e.type === type && where(e as Extract<E, { type: T }>);
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen as Extract<E, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out waiting for ${type}; saw ${this.events.map((e) => e.type).join(',')}`)),
        ms,
      );
      this.waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as Extract<E, { type: T }>);
        },
      });
    });
  }

  waitClosed(ms = 5000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket did not close')), ms);
      this.ws.once('close', (code, reason) => {
        clearTimeout(timer);
        resolve({ code, reason: reason.toString() });
      });
    });
  }

  close(): void {
    this.ws.close();
  }

  /**
   * The events that arrived before the server answered a fresh ping. A barrier for "nothing
   * arrived": the server handles a socket's frames in order, so whatever it sent this socket
   * before reading the ping is in the list.
   */
  async eventsBeforePong(): Promise<E[]> {
    const nonce = ++pingNonce;
    const isOurPong = (e: E) => e.type === 'pong' && (e as { nonce?: number }).nonce === nonce;
    this.send({ type: 'ping', nonce });
    await this.waitFor('pong' as E['type'], isOurPong);
    return this.events.slice(0, this.events.findIndex(isOurPong));
  }
}

export async function connectVisitor(
  h: Harness,
  siteKey: string,
  opts: { token?: string; afterSeq?: number; v?: number; context?: Record<string, string> } = {},
) {
  const q = new URLSearchParams({ site: siteKey, v: String(opts.v ?? PROTOCOL_VERSION), ...(opts.token ? { token: opts.token } : {}) });
  const client = new SocketClient(new WebSocket(`${h.wsUrl}/ws/visitor?${q}`), (d) => VisitorEvent.parse(d));
  await client.opened();
  return client;
}

/** Connects, says hello and returns the client with its welcome. */
export async function visitorSession(
  h: Harness,
  siteKey: string,
  opts: { token?: string; afterSeq?: number; context?: Record<string, string> } = {},
) {
  const client = await connectVisitor(h, siteKey, opts);
  client.send({ type: 'hello', context: { locale: 'en', timeZone: 'Europe/Berlin', ...opts.context }, afterSeq: opts.afterSeq ?? 0 });
  const welcome = await client.waitFor('welcome');
  return { client, welcome };
}

// Response bodies are asserted field by field in the tests, so they stay loosely typed here.
// biome-ignore lint/suspicious/noExplicitAny: test client returning arbitrary JSON
type Json = any;

export interface OperatorSession {
  cookie: string;
  csrf: string;
  operatorId: string;
  fetch(path: string, init?: { method?: string; body?: unknown; csrf?: string | null }): Promise<{ status: number; body: Json }>;
}

export async function loginOperator(h: Harness, email: string, password = 'pw'): Promise<OperatorSession> {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string; operator: { operatorId: string } };
  return {
    cookie,
    csrf: body.csrfToken,
    operatorId: body.operator.operatorId,
    async fetch(path, init = {}) {
      const method = init.method ?? (init.body !== undefined ? 'POST' : 'GET');
      const headers: Record<string, string> = { cookie };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const csrf = init.csrf === undefined ? body.csrfToken : init.csrf;
      if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
      const r = await fetch(`${h.baseUrl}${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
  };
}

export async function connectOperator(h: Harness, session: OperatorSession) {
  const client = new SocketClient(
    new WebSocket(`${h.wsUrl}/ws/operator?v=${PROTOCOL_VERSION}`, { headers: { cookie: session.cookie } }),
    (d) => OperatorEvent.parse(d),
  );
  await client.opened();
  // As the inbox does: the hello that keeps the socket past its hello deadline.
  client.send({ type: 'hello' });
  await client.waitFor('welcome');
  return client;
}
