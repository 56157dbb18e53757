import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { OperatorEvent } from '../../shared/operator-protocol';
import { PROTOCOL_CLOSE_CODE, PROTOCOL_VERSION } from '../../shared/protocol-version';
import { connectVisitor, loginOperator, SocketClient } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// Idle connections must not be held forever: a socket that never says hello is closed with a coded
// reason, and an HTTP client that never finishes its headers or never sends anything is cut off.

let h: Harness;
afterEach(() => h.close());

async function start(): Promise<void> {
  h = await startHarness({ helloDeadlineMs: 400, httpTimeouts: { headersMs: 500, requestMs: 1_000, idleMs: 800 } });
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'] });
}

const closedWith = (ws: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );

function rawConnection(): Promise<{ socket: Socket; closed: Promise<string> }> {
  const { port } = new URL(h.baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString();
  });
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  return new Promise((resolve) => socket.once('connect', () => resolve({ socket, closed })));
}

describe('idle connections', () => {
  it('closes a visitor socket that never says hello with hello_timeout', async () => {
    await start();
    const silent = await connectVisitor(h, 'key-a');
    expect(await closedWith(silent.ws)).toEqual({ code: PROTOCOL_CLOSE_CODE, reason: 'hello_timeout' });
  });

  it('keeps a visitor socket that said hello open past the deadline', async () => {
    await start();
    const talking = await connectVisitor(h, 'key-a');
    talking.send({ type: 'hello', context: {}, afterSeq: 0 });
    await talking.waitFor('welcome');
    await new Promise((r) => setTimeout(r, 1_000));
    expect(talking.closed).toBeNull();
    talking.send({ type: 'ping', nonce: 7 });
    expect(await talking.waitFor('pong')).toEqual({ type: 'pong', nonce: 7 });
    talking.ws.close();
  });

  it('closes a signed-in operator socket that never says hello, and keeps one that does', async () => {
    await start();
    const ana = await loginOperator(h, 'ana@a.test');
    const silent = new SocketClient(
      new WebSocket(`${h.wsUrl}/ws/operator?v=${PROTOCOL_VERSION}`, { headers: { cookie: ana.cookie } }),
      (d) => OperatorEvent.parse(d),
    );
    const talking = new SocketClient(
      new WebSocket(`${h.wsUrl}/ws/operator?v=${PROTOCOL_VERSION}`, { headers: { cookie: ana.cookie } }),
      (d) => OperatorEvent.parse(d),
    );
    await Promise.all([silent.opened(), talking.opened()]);
    talking.send({ type: 'hello' });
    expect(await closedWith(silent.ws)).toEqual({ code: PROTOCOL_CLOSE_CODE, reason: 'hello_timeout' });
    expect(talking.closed).toBeNull();
    talking.ws.close();
  });

  it('answers 408 and closes a connection whose headers never finish (slow-loris)', async () => {
    await start();
    const { socket, closed } = await rawConnection();
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Trickle a header byte now and then: the idle timeout alone would never fire.
    const trickle = setInterval(() => socket.write('X'), 200);
    try {
      expect(await closed).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
    }
  });

  it('closes a connection that sends nothing at all', async () => {
    await start();
    const { closed } = await rawConnection();
    // Closed by the server (the test would time out otherwise), at most with a 408.
    expect(await closed).toMatch(/^$|^HTTP\/1\.1 408/);
  });
});
