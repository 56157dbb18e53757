// Same-run baselines: what the machine does without the product in the way.
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Db } from 'mongodb';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * A minimal ws relay on loopback: every frame is answered twice (an "echo" and a "reply"), as the
 * product answers a visitor message with its echo and the bot's reply.
 */
export async function startRawRelay(): Promise<{ url: string; clients(): number; close(): Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.once('listening', r));
  wss.on('connection', (ws) => {
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as { id: string };
      ws.send(JSON.stringify({ type: 'echo', id: frame.id }));
      ws.send(JSON.stringify({ type: 'reply', id: frame.id }));
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    clients: () => wss.clients.size,
    close: () =>
      new Promise((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  };
}

/** A relay client: send(id) resolves with [echo ms, reply ms] measured from `from` (default: now). */
export async function rawRelayClient(url: string, localAddress?: string) {
  const ws = new WebSocket(url, localAddress ? { localAddress } : {});
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const waiting = new Map<string, { from: number; echo?: number; resolve: (t: [number, number]) => void }>();
  ws.on('message', (raw) => {
    const e = JSON.parse(raw.toString()) as { type: string; id: string };
    const w = waiting.get(e.id);
    if (!w) return;
    const t = performance.now() - w.from;
    if (e.type === 'echo') w.echo = t;
    else {
      waiting.delete(e.id);
      w.resolve([w.echo ?? t, t]);
    }
  });
  return {
    ws,
    send(id: string, from = performance.now()): Promise<[number, number]> {
      return new Promise((resolve) => {
        waiting.set(id, { from, resolve });
        ws.send(JSON.stringify({ id, text: 'question about lamps' }));
      });
    },
    close: () => ws.terminate(),
  };
}

/** Closed-loop insertOne: `workers` concurrent loops of `each` inserts; per-insert latencies and wall time. */
export async function insertLoop(db: Db, workers: number, each: number): Promise<{ latencies: number[]; wallMs: number }> {
  const col = db.collection('bench_raw_inserts');
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let m = 0; m < each; m++) {
        const s = performance.now();
        await col.insertOne({ worker: w, m, text: `question number ${m} about lamps`, at: new Date() });
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - t0 };
}
