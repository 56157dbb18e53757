/**
 * What an idle, authenticated visitor socket costs the server: opens N sockets (each says hello and
 * gets its welcome) against the real app in a child process, and the same number against a bare `ws`
 * server as the baseline, and prints RSS and heap growth per socket after a forced GC.
 * A quick local measurement, not the bench: `bash scripts/with-db.sh npx tsx scripts/socket-memory.ts 2000`.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';

type Usage = { rss: number; heapUsed: number; external: number };
const role = process.argv[2];

if (role === 'serve-app' || role === 'serve-raw') {
  const measure = () => {
    for (let i = 0; i < 3; i++) globalThis.gc?.();
    const m = process.memoryUsage();
    process.send?.({ usage: { rss: m.rss, heapUsed: m.heapUsed, external: m.external + m.arrayBuffers } });
  };
  process.on('message', (msg: { measure?: boolean; snapshot?: string }) => {
    if (msg.measure) measure();
    if (msg.snapshot) {
      globalThis.gc?.();
      void import('node:v8').then((v8) => process.send?.({ snapshot: v8.writeHeapSnapshot(msg.snapshot) }));
    }
  });
  if (role === 'serve-raw') {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (ws) => ws.on('message', () => ws.send('{"type":"welcome"}')));
    wss.on('listening', () => process.send?.({ port: (wss.address() as AddressInfo).port }));
    process.on('disconnect', () => process.exit(0));
  } else {
    const { MongoClient } = await import('mongodb');
    const pino = (await import('pino')).default;
    const { buildApp } = await import('../server/app');
    const { createFlowDeps } = await import('../server/composition');
    const { SiteConfig } = await import('../shared/site-config');
    const client = await MongoClient.connect(process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017');
    const db = client.db(`baton_mem_${randomUUID().slice(0, 8)}`);
    const log = pino({ level: 'silent' });
    const deps = createFlowDeps(db, log);
    await deps.store.ensureIndexes();
    await deps.store.sites.upsert({
      _id: 'site-m',
      siteKey: 'key-m',
      name: 'm',
      secret: 's',
      config: SiteConfig.parse({}),
      configVersion: 1,
      updatedAt: new Date(),
    });
    const app = await buildApp({
      deps,
      logger: log,
      staticDir: 'dist/public',
      demoSiteKey: 'demo',
      sessionTtlMs: 3600_000,
      cookieSecure: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    process.on('disconnect', () => void db.dropDatabase().finally(() => process.exit(0)));
    process.send?.({ port: (app.server.address() as AddressInfo).port });
  }
} else {
  const n = Number(process.argv[2] ?? 2000);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

  async function run(kind: 'app' | 'raw'): Promise<Usage> {
    const child = fork(new URL(import.meta.url).pathname, [`serve-${kind}`], { execArgv: ['--expose-gc', '--import', 'tsx'] });
    const next = <T>(key: string) =>
      new Promise<T>((r) =>
        child.on('message', function on(m: Record<string, T>) {
          if (key in m) {
            child.off('message', on);
            r(m[key] as T);
          }
        }),
      );
    const port = await next<number>('port');
    const measure = () => {
      const p = next<Usage>('usage');
      child.send({ measure: true });
      return p;
    };
    const before = await measure();
    const sockets: WebSocket[] = [];
    const hello = JSON.stringify({ type: 'hello', context: { locale: 'en' }, afterSeq: 0 });
    for (let i = 0; i < n; i += 50) {
      await Promise.all(
        Array.from(
          { length: Math.min(50, n - i) },
          () =>
            new Promise<void>((resolve, reject) => {
              const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/visitor?site=key-m&v=1`);
              sockets.push(ws);
              ws.once('open', () => ws.send(hello));
              ws.once('message', () => resolve());
              ws.once('error', reject);
            }),
        ),
      );
    }
    const after = await measure();
    if (process.env.SNAPSHOT_DIR) {
      const p = next<string>('snapshot');
      child.send({ snapshot: `${process.env.SNAPSHOT_DIR}/${kind}.heapsnapshot` });
      await p;
    }
    for (const ws of sockets) ws.terminate();
    child.disconnect();
    return {
      rss: (after.rss - before.rss) / n,
      heapUsed: (after.heapUsed - before.heapUsed) / n,
      external: (after.external - before.external) / n,
    };
  }

  const raw = await run('raw');
  const app = await run('app');
  console.log(`${n} idle sockets, per socket after GC:`);
  console.log(`  bare ws     rss ${kb(raw.rss)}  heap ${kb(raw.heapUsed)}  external ${kb(raw.external)}`);
  console.log(
    `  baton app   rss ${kb(app.rss)}  heap ${kb(app.heapUsed)}  external ${kb(app.external)}  (rss ${(app.rss / raw.rss).toFixed(2)} × bare)`,
  );
  process.exit(0);
}
