import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperatorEvent } from '../shared/operator-protocol';
import { backoffDelay as reconnectDelay } from '../frontend-common/backoff';
import { createOperatorSocket, type SocketLike } from './operator-socket';
import { me } from './test-fakes';

class FakeWebSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  frame(data: unknown) {
    this.onmessage?.({ data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

let sockets: FakeWebSocket[];
const last = () => sockets.at(-1) as FakeWebSocket;

function connect() {
  const connection = createOperatorSocket({
    wsOrigin: 'wss://inbox.example.com',
    createSocket: (url) => {
      const ws = new FakeWebSocket(url);
      sockets.push(ws);
      return ws;
    },
    random: () => 0,
  });
  const events: OperatorEvent[] = [];
  const statuses: string[] = [];
  connection.onEvent((e) => events.push(e));
  connection.onStatus((s, reason) => statuses.push(reason ? `${s}:${reason}` : s));
  connection.connect();
  return { connection, events, statuses };
}

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('operator socket', () => {
  it('connects with the protocol version and passes on valid frames only', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { events } = connect();
    expect(last().url).toBe('wss://inbox.example.com/ws/operator?v=2');
    last().open();
    last().frame({ type: 'welcome', protocolVersion: 1, operator: me });
    last().frame({ type: 'conversation_updated', conversation: { nope: true } });
    last().frame('not json');
    expect(events.map((e) => e.type)).toEqual(['welcome']);
  });

  it('reconnects with growing delays after the connection drops', () => {
    const { statuses } = connect();
    last().open();
    last().drop();
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting']);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(reconnectDelay(0, 0));
    expect(sockets).toHaveLength(2);
    last().drop();
    vi.advanceTimersByTime(reconnectDelay(0, 0));
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(reconnectDelay(1, 0));
    expect(sockets).toHaveLength(3);
  });

  it('stops for good on the protocol close code and reports the reason', () => {
    const { statuses } = connect();
    last().open();
    last().drop(4400, 'unauthenticated');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('stopped:unauthenticated');
  });

  it('pings every ten seconds and reconnects when pongs stop coming', () => {
    connect();
    const first = last();
    first.open();
    // The hello first, at once: the server closes a socket that does not say it in time.
    expect(JSON.parse(first.sent[0] ?? '{}')).toEqual({ type: 'hello' });
    vi.advanceTimersByTime(10_000);
    expect(JSON.parse(first.sent[1] ?? '{}')).toEqual({ type: 'ping', nonce: 1 });
    first.frame({ type: 'pong', nonce: 1 });
    vi.advanceTimersByTime(30_000);
    expect(first.closed).toEqual({ code: 4000, reason: 'ping timeout' });
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(2);
  });

  it('sends commands only while open, and closes without reconnecting on disconnect', () => {
    const { connection } = connect();
    expect(connection.send({ type: 'set_presence', presence: 'away' })).toBe(false);
    last().open();
    expect(connection.send({ type: 'typing', conversationId: 'c1', isTyping: true })).toBe(true);
    connection.disconnect();
    expect(last().closed?.code).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('caps the backoff at thirty seconds', () => {
    expect(reconnectDelay(0, 1)).toBe(500);
    expect(reconnectDelay(3, 0)).toBe(2000);
    expect(reconnectDelay(20, 1)).toBe(30_000);
  });
});
