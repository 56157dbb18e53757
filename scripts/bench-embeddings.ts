// Embeddings figures, each beside a same-run baseline on this machine (run through
// scripts/with-embeddings.sh, which starts the local service when EMBEDDINGS_URL is unset):
//  1. one short sentence per request through the client (the live-turn path), against the same
//     client calling a loopback HTTP server that answers a fixed 384-dim vector (transport floor);
//  2. bulk embedding of distinct sentences in batches (cache warm-up), as sentences per second;
//  3. the answer a caller gets while the breaker is open (service down), against a resolved promise.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createEmbeddings, type EmbeddingsService, loadEmbeddingsConfig } from '../server/services/embeddings';

const QUERIES = Number(process.env.BENCH_EMBED_QUERIES ?? 300);
const BULK = Number(process.env.BENCH_EMBED_BULK ?? 256);
const quiet = { info() {}, warn() {} };

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(1)} µs` : `${x.toFixed(1)} ms`);
const line = (label: string, xs: number[]) => `${label.padEnd(44)} n=${xs.length}  p50=${ms(pct(xs, 50))}  p99=${ms(pct(xs, 99))}`;

async function timeEach(n: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await call(i); // warm-up: connections, JIT, engine caches
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const result = await call(i);
    out.push(performance.now() - t);
    if (result === null) throw new Error('embeddings unavailable during the bench');
  }
  return out;
}

function service(baseUrl: string, overrides: { timeoutMs?: number } = {}): EmbeddingsService {
  const config = loadEmbeddingsConfig(process.env);
  return createEmbeddings({ ...config, baseUrl, cacheDir: '.data/bench-embeddings-cache', ...overrides }, { log: quiet });
}

async function main(): Promise<void> {
  const config = loadEmbeddingsConfig(process.env);
  if (!config.baseUrl) throw new Error('run through scripts/with-embeddings.sh (it starts the local service)');
  const real = service(config.baseUrl);
  const sentences = ['I want my money back', 'Ich möchte mein Geld zurück', 'Puis-je parler à quelqu’un ?', 'Where is my parcel?'];
  const live = await timeEach(QUERIES, (i) => real.embed([sentences[i % sentences.length]!], { deadlineMs: 5_000 }));

  const fixed = JSON.stringify({
    object: 'list',
    data: [{ object: 'embedding', index: 0, embedding: Array.from({ length: 384 }, (_, i) => Math.sin(i)) }],
  });
  const floor = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(fixed));
  });
  await new Promise<void>((done) => floor.listen(0, '127.0.0.1', done));
  const floorService = service(`http://127.0.0.1:${(floor.address() as AddressInfo).port}/v1`);
  const transport = await timeEach(QUERIES, () => floorService.embed(['I want my money back'], { deadlineMs: 5_000 }));
  floor.close();

  const bulkTexts = Array.from({ length: BULK }, (_, i) => `Sentence ${i}: the customer asks about order ${i * 7919} and its delivery`);
  const bulkStarted = performance.now();
  const bulk = await real.embed(bulkTexts, { deadlineMs: 120_000 });
  const bulkMs = performance.now() - bulkStarted;
  if (bulk === null) throw new Error('bulk embedding failed');

  // A port nothing listens on: the first call is refused and opens the breaker; the rest are skipped.
  const down = service('http://127.0.0.1:9/v1');
  await down.embed(['x']);
  const skipped: number[] = [];
  const resolved: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    let t = performance.now();
    await down.embed(['x']);
    skipped.push(performance.now() - t);
    t = performance.now();
    await Promise.resolve(null);
    resolved.push(performance.now() - t);
  }

  console.log(`embeddings: ${config.model} at ${config.baseUrl}`);
  console.log(line('live query, 1 short sentence', live));
  console.log(line('  baseline: same client, fixed-answer server', transport));
  console.log(
    `${'bulk, distinct sentences'.padEnd(44)} n=${BULK}  batch=${config.batchSize}  ${((BULK / bulkMs) * 1000).toFixed(0)} sentences/s  (${(bulkMs / BULK).toFixed(1)} ms each)`,
  );
  console.log(`${'  baseline: live single-sentence rate'.padEnd(44)} ${(1000 / pct(live, 50)).toFixed(0)} sentences/s`);
  console.log(line('degraded answer (breaker open)', skipped));
  console.log(line('  baseline: an already-resolved promise', resolved));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
