// The client half of idle.ts, in its own process so the server's RSS holds only the server's part of
// each socket. argv: app|raw, ws URL, first index, count, in flight, time limit ms. A connect the
// server refused for now (503 on the upgrade, or its hello closed 'overloaded') is tried again after
// the widget's own backoff, as the widget would. Reports { held, failed, firstFailure, refused, ms }
// once done; answers 'open' with how many are still open.
import { performance } from 'node:perf_hooks';
import type WebSocket from 'ws';
import { rawRelayClient } from './baselines';
import { pool } from './stats';
import { connectBenchVisitor, retryingRefusals, sourceAddress } from './visitor';

const [mode, url, first, count, inFlight, limitMs] = process.argv.slice(2);
const held: WebSocket[] = [];
let failed = 0;
let firstFailure = '';
let refused = 0;

async function connect(localAddress: string): Promise<WebSocket> {
  if (mode === 'app') return (await connectBenchVisitor(url!, 'load', 30_000, localAddress)).ws;
  const c = await rawRelayClient(url!, localAddress);
  await c.send('hello');
  return c.ws;
}

const t0 = performance.now();
await pool(Number(count), Number(inFlight), Date.now() + Number(limitMs), async (i) => {
  try {
    held.push(
      await retryingRefusals(
        () => connect(sourceAddress(Number(first) + i)),
        () => refused++,
      ),
    );
  } catch (error) {
    failed++;
    firstFailure ||= error instanceof Error ? error.message : String(error);
  }
});
process.send?.({ held: held.length, failed, firstFailure, refused, ms: performance.now() - t0 });
process.on('message', (m) => {
  if (m === 'open') process.send?.({ open: held.filter((ws) => ws.readyState === ws.OPEN).length });
});
setInterval(() => {}, 60_000);
