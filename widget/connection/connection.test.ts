import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VisitorEvent } from '../../shared/visitor-protocol';
import { backoffDelay } from '../../frontend-common/backoff';
import { type ConnectionStatus, createSocketConnection, decideOnClose, type SocketLike, socketUrl } from './connection';
import { createHeartbeat } from './heartbeat';
import { createFakeClock } from '../testing/fake-clock';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  serverOpens() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  serverSends(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) } as MessageEvent);
  }
  serverCloses(code: number, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

function setup(token: { value: string | null } = { value: null }) {
  const time = createFakeClock();
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const events: VisitorEvent[] = [];
  const onTokenRejected = vi.fn(() => {
    token.value = null;
  });
  const connection = createSocketConnection({
    url: () => socketUrl('https://chat.example', 'site 1', token.value),
    onTokenRejected,
    clock: time.clock,
    random: () => 0.5,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
  });
  connection.listen({ status: (s) => statuses.push(s), event: (e) => events.push(e) });
  connection.start();
  const last = () => sockets.at(-1) as FakeSocket;
  return { time, sockets, statuses, events, connection, onTokenRejected, last };
}

afterEach(() => vi.restoreAllMocks());

describe('backoff schedule', () => {
  it.each([
    [0, 250, 500],
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [5, 8_000, 16_000],
    [6, 15_000, 30_000],
    [30, 15_000, 30_000],
  ])('attempt %i waits between %i and %i ms', (attempt, min, max) => {
    expect(backoffDelay(attempt, 0)).toBe(min);
    expect(backoffDelay(attempt, 1)).toBe(max);
  });

  it('reconnects after growing delays and starts again from the bottom once a frame arrives', () => {
    const t = setup();
    for (let i = 0; i < 3; i++) {
      t.last().serverCloses(1006);
      const waiting = t.statuses.at(-1) as Extract<ConnectionStatus, { kind: 'waiting' }>;
      t.time.advance(waiting.delayMs);
    }
    const delays = t.statuses.filter((s) => s.kind === 'waiting').map((s) => (s.kind === 'waiting' ? s.delayMs : 0));
    expect(delays).toEqual([375, 750, 1_500]);
    expect(t.sockets).toHaveLength(4);

    t.last().serverOpens();
    t.last().serverSends({ type: 'pong', nonce: 0 });
    t.last().serverCloses(1006);
    expect(t.statuses.at(-1)).toEqual({ kind: 'waiting', attempt: 1, delayMs: 375 });
  });
});

describe('heartbeat', () => {
  it('pings every 10 s and declares the socket dead when a pong is 4 s late', () => {
    const time = createFakeClock();
    const pings: number[] = [];
    const onDead = vi.fn();
    const heartbeat = createHeartbeat({ clock: time.clock, ping: (n) => pings.push(n), onDead });
    heartbeat.start();
    time.advance(10_000);
    expect(pings).toEqual([1]);
    time.advance(3_999);
    heartbeat.pong(1);
    time.advance(10_000);
    expect(pings).toEqual([1, 2]);
    heartbeat.pong(99); // not the one we wait for
    time.advance(4_000);
    expect(onDead).toHaveBeenCalledOnce();
  });

  it('closes a socket that stops answering pings and reconnects without waiting for its close event', () => {
    const t = setup();
    t.last().serverOpens();
    t.time.advance(10_000);
    expect(t.last().sent).toEqual([{ type: 'ping', nonce: 1 }]);
    t.time.advance(4_000);
    expect(t.sockets[0]?.closed).toBe(true);
    expect(t.statuses.at(-1)).toMatchObject({ kind: 'waiting' });
    t.time.advance(500);
    expect(t.sockets).toHaveLength(2);
    // The dead socket's late close event changes nothing.
    t.sockets[0]?.serverCloses(1006);
    expect(t.statuses.at(-1)).toEqual({ kind: 'connecting', attempt: 1 });
  });

  it('keeps a socket that answers', () => {
    const t = setup();
    t.last().serverOpens();
    for (let i = 1; i <= 3; i++) {
      t.time.advance(10_000);
      t.last().serverSends({ type: 'pong', nonce: i });
    }
    expect(t.sockets).toHaveLength(1);
    expect(t.events).toEqual([]); // pongs stay inside the connection
  });
});

describe('socket client', () => {
  it('connects to the script’s origin with site, protocol version and token', () => {
    expect(socketUrl('https://chat.example', 'site 1', 'a/b')).toBe('wss://chat.example/ws/visitor?site=site%201&v=2&token=a%2Fb');
    expect(socketUrl('http://localhost:3000', 'demo', null)).toBe('ws://localhost:3000/ws/visitor?site=demo&v=2');
  });

  it('passes on frames of the protocol and ignores everything else', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t = setup();
    t.last().serverOpens();
    t.last().serverSends('not json');
    t.last().serverSends({ type: 'message_added', message: { text: 'no seq' } });
    t.last().serverSends({ type: 'took_over_the_page' });
    t.last().serverSends({ type: 'returned_to_bot' });
    expect(t.events).toEqual([{ type: 'returned_to_bot' }]);
    expect(t.connection.ignoredFrames()).toBe(3);
  });

  it('sends only on an open socket', () => {
    const t = setup();
    expect(t.connection.send({ type: 'request_human', clientMessageId: 'x' })).toBe(false);
    t.last().serverOpens();
    expect(t.connection.send({ type: 'request_human', clientMessageId: 'x' })).toBe(true);
  });

  it('stops for good on a fatal close and says why', () => {
    const t = setup();
    t.last().serverOpens();
    t.last().serverCloses(4400, 'unknown_site');
    expect(t.statuses.at(-1)).toEqual({ kind: 'failed', reason: 'unknown_site' });
    t.time.advance(60_000);
    expect(t.sockets).toHaveLength(1);
  });

  it('forgets a refused token and comes back as a new visitor, but gives up if even that is refused', () => {
    const token = { value: 'stale' as string | null };
    const t = setup(token);
    expect(t.last().url).toContain('token=stale');
    t.last().serverCloses(4400, 'unauthenticated');
    expect(t.onTokenRejected).toHaveBeenCalledOnce();
    t.time.advance(500);
    expect(t.last().url).not.toContain('token=');
    t.last().serverCloses(4400, 'unauthenticated');
    expect(t.statuses.at(-1)).toEqual({ kind: 'failed', reason: 'unauthenticated' });
  });

  it('retries when the server is only busy', () => {
    expect(decideOnClose(4400, 'rate_limited')).toEqual({ kind: 'retry' });
    expect(decideOnClose(4400, 'db_unavailable')).toEqual({ kind: 'retry' });
    expect(decideOnClose(1006, '')).toEqual({ kind: 'retry' });
    expect(decideOnClose(4400, 'unsupported_version')).toEqual({ kind: 'fatal', reason: 'unsupported_version' });
  });

  it('reconnects at once on request and stops cleanly', () => {
    const t = setup();
    t.last().serverCloses(1006);
    t.connection.reconnectNow();
    expect(t.sockets).toHaveLength(2);
    t.connection.stop();
    expect(t.statuses.at(-1)).toEqual({ kind: 'idle' });
    t.time.advance(60_000);
    expect(t.sockets).toHaveLength(2);
  });
});
