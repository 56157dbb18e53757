// The client half of socket-heap.ts, in its own process so the server's heap holds only the server's
// part of each socket. argv: app|raw, ws URL, count. Tells its parent 'ready' once all are connected.
import { rawRelayClient } from './baselines';
import { connectBenchVisitor, retryingRefusals } from './visitor';

const [mode, url, count] = process.argv.slice(2);
const held: unknown[] = [];
for (let i = 0; i < Number(count); i++) {
  // 400 per loopback source address: under the app's per-address upgrade limit.
  if (mode === 'app')
    held.push(await retryingRefusals(() => connectBenchVisitor(url!, 'load', 20_000, `127.0.1.${2 + Math.floor(i / 400)}`)));
  else {
    const c = await rawRelayClient(url!);
    await c.send('hello');
    held.push(c);
  }
}
process.send?.('ready');
setInterval(() => {}, 60_000);
