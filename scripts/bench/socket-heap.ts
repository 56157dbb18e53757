// What one idle authenticated visitor socket keeps on the server's heap, by V8 constructor, beside a
// raw ws socket in the same process: a heap snapshot before and after N sockets connect from a child
// process (so no client object is counted). Compiled code is left out: it grows with what ran, not per socket.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { AppUnderTest } from './app-under-test';
import { startRawRelay } from './baselines';
import { seedLoadSite } from './load';
import { type Row, sleep } from './stats';

const SOCKETS = Number(process.env.BENCH_HEAP_SOCKETS ?? 400);
const NOT_PER_SOCKET = new Set(['code', 'synthetic']);

type Sizes = Map<string, { count: number; bytes: number }>;

/** Self sizes by node type, and by name for objects, closures, arrays and hidden nodes (a Map's table, a listener list). */
function sizesIn(file: string): Sizes {
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const fields: string[] = snapshot.snapshot.meta.node_fields;
  const types: string[] = snapshot.snapshot.meta.node_types[0];
  const nodes: number[] = snapshot.nodes;
  const strings: string[] = snapshot.strings;
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const sizes: Sizes = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!]!;
    const named = type === 'object' || type === 'closure' || type === 'array' || type === 'hidden';
    const key = named ? `${type} ${strings[nodes[i + nameAt]!]}` : type;
    const entry = sizes.get(key) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += nodes[i + sizeAt]!;
    sizes.set(key, entry);
  }
  return sizes;
}

async function settled(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (npm run bench does)');
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(200);
  }
}

/** Per-socket growth of the heap, by key, while `SOCKETS` clients of `mode` are connected to `url`. */
async function growthPerSocket(mode: 'app' | 'raw', url: string, dir: string): Promise<{ total: number; top: [string, number, number][] }> {
  await settled();
  const before = sizesIn(writeHeapSnapshot(join(dir, `${mode}-before.heapsnapshot`)));
  const clients = fork(new URL('./socket-heap-clients.ts', import.meta.url).pathname, [mode, url, String(SOCKETS)], {
    execArgv: ['--import', 'tsx'],
  });
  try {
    await new Promise((resolve, reject) => {
      clients.once('message', resolve);
      clients.once('exit', (code) => reject(new Error(`socket-heap clients exited (${code}) before connecting`)));
    });
    await sleep(1000);
    await settled();
    const after = sizesIn(writeHeapSnapshot(join(dir, `${mode}-after.heapsnapshot`)));
    const rows: [string, number, number][] = [];
    for (const [key, { count, bytes }] of after) {
      if (NOT_PER_SOCKET.has(key)) continue;
      const was = before.get(key) ?? { count: 0, bytes: 0 };
      const grew = (bytes - was.bytes) / SOCKETS;
      if (grew > 0) rows.push([key, grew, (count - was.count) / SOCKETS]);
    }
    rows.sort((a, b) => b[1] - a[1]);
    return { total: rows.reduce((sum, r) => sum + r[1], 0), top: rows };
  } finally {
    clients.kill();
    await sleep(500);
  }
}

export async function socketHeapSection(h: AppUnderTest, rows: Row[]): Promise<string[]> {
  await seedLoadSite(h);
  const dir = mkdtempSync(join(tmpdir(), 'baton-heap-'));
  try {
    const relay = await startRawRelay();
    const raw = await growthPerSocket('raw', relay.url, dir).finally(() => relay.close());
    const app = await growthPerSocket('app', h.wsUrl, dir);
    rows.push({
      section: 'heap',
      measured: `server heap per idle authenticated visitor socket (${SOCKETS}, snapshot diff, code excluded)`,
      figure: `${(app.total / 1024).toFixed(1)} KiB`,
      baseline: `raw ws ${(raw.total / 1024).toFixed(1)} KiB`,
      ratio: app.total / raw.total,
    });
    const raws = new Map(raw.top.map(([key, bytes]) => [key, bytes]));
    return [
      `server heap per idle visitor socket by constructor (bytes per socket; count per socket; raw ws beside):`,
      ...app.top
        .slice(0, 40)
        .map(
          ([key, bytes, count]) =>
            `  ${bytes.toFixed(0).padStart(6)} B  ${count.toFixed(2).padStart(6)}x  ${key.padEnd(36)} raw ws ${(raws.get(key) ?? 0).toFixed(0)} B`,
        ),
    ];
  } finally {
    // BENCH_HEAP_KEEP=1 keeps the snapshots to open in DevTools (Memory tab, "Load").
    if (process.env.BENCH_HEAP_KEEP) console.error(`heap snapshots kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
