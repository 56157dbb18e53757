// A light visitor client for load: JSON.parse only (no schema parse), so the client's own CPU,
// which shares the machine with the server, stays close to the raw relay client's.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { backoffDelay } from '../../frontend-common/backoff';
import { PROTOCOL_VERSION } from '../../shared/protocol-version';

interface Frame {
  type: string;
  message?: { clientMessageId?: string; sender: { kind: string }; seq: number; conversationId: string };
}

export interface BenchVisitor {
  ws: WebSocket;
  /** Sends a message; resolves with [echo ms, bot reply ms] measured from `from` (default: now). */
  send(id: string, text: string, from?: number): Promise<[number, number]>;
  waitFor(type: string, ms?: number): Promise<Frame>;
  close(): void;
}

/**
 * The app limits each client address to 600 requests a minute (a socket upgrade is one), as it
 * should; benches spread their visitors over loopback source addresses 127.0.0.2, .3, ... (Linux
 * answers all of 127.0.0.0/8), 500 sockets each.
 */
export const sourceAddress = (i: number) => `127.0.${Math.floor(i / 500 / 250)}.${2 + (Math.floor(i / 500) % 250)}`;

/** `localAddress`: another loopback source address (127.0.0.x), as visitors come from many addresses. */
export async function connectBenchVisitor(
  wsUrl: string,
  siteKey: string,
  timeoutMs = 20_000,
  localAddress?: string,
): Promise<BenchVisitor> {
  const ws = new WebSocket(`${wsUrl}/ws/visitor?site=${siteKey}&v=${PROTOCOL_VERSION}`, localAddress ? { localAddress } : {});
  const typeWaiters: { type: string; resolve: (f: Frame) => void }[] = [];
  // Closed loop per visitor for echo+reply pairs; open loop may have several outstanding.
  const outstanding: { id: string; from: number; echo?: number; resolve: (t: [number, number]) => void }[] = [];
  ws.on('message', (raw) => {
    const f = JSON.parse(raw.toString()) as Frame;
    if (f.type === 'message_added' && f.message) {
      const t = performance.now();
      const cid = f.message.clientMessageId;
      if (cid) {
        const o = outstanding.find((x) => x.id === cid);
        if (o) o.echo = t - o.from;
      } else if (f.message.sender.kind === 'bot') {
        // The bot answers messages in order: its reply belongs to the oldest echoed message.
        const i = outstanding.findIndex((x) => x.echo !== undefined);
        if (i >= 0) {
          const [o] = outstanding.splice(i, 1);
          o!.resolve([o!.echo!, t - o!.from]);
        }
      }
    }
    for (let i = typeWaiters.length - 1; i >= 0; i--) {
      if (typeWaiters[i]!.type === f.type) typeWaiters.splice(i, 1)[0]!.resolve(f);
    }
  });
  const waitFor = (type: string, ms = timeoutMs) =>
    new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`visitor: no ${type} within ${ms} ms`)), ms);
      typeWaiters.push({
        type,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  // A refused hello closes the socket (e.g. 'overloaded'): fail at once, with the server's reason.
  const welcome = Promise.race([
    waitFor('welcome'),
    new Promise<never>((_, reject) =>
      ws.once('close', (code, reason) => reject(new Error(`visitor: closed before welcome (${code} ${reason.toString()})`))),
    ),
  ]);
  ws.send(JSON.stringify({ type: 'hello', context: { locale: 'en', timeZone: 'Europe/Berlin' }, afterSeq: 0 }));
  await welcome;
  return {
    ws,
    waitFor,
    send(id, text, from = performance.now()) {
      return new Promise((resolve) => {
        outstanding.push({ id, from, resolve });
        ws.send(JSON.stringify({ type: 'send_message', clientMessageId: id, text }));
      });
    },
    close: () => ws.terminate(),
  };
}

/**
 * `connect`, tried again after the widget's own backoff while the server refuses it for now (503 on
 * the upgrade, or the hello closed 'overloaded'), as the widget would; `refused` counts those.
 */
export async function retryingRefusals<T>(connect: () => Promise<T>, refused: () => void = () => {}, attempts = 8): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await connect();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!(message.includes('503') || message.includes('overloaded')) || attempt + 1 >= attempts) throw error;
      refused();
      await new Promise((r) => setTimeout(r, backoffDelay(attempt, Math.random())));
    }
  }
}
