import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../shared/http';
import { PANEL_MANIFEST } from '../../shared/widget-files';
import type { FlowDeps } from '../composition';
import { createStore } from '../store';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, testDatabaseUri } from '../test-support/harness';

// The production artifact as a deployment runs it: `npm run build`, then only dist/, data/ and
// package.json copied to a fresh folder (node_modules linked), started with plain `node` (no tsx,
// no TypeScript) against the test database on a port the system picks.
const repo = resolve(import.meta.dirname, '../..');
let app: string;
let server: ChildProcess;
let output = '';
let client: MongoClient;
let db: Db;
let h: Harness;

function waitForOutput(pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    const timer = setInterval(() => {
      const found = output.match(pattern);
      if (found) {
        clearInterval(timer);
        resolvePromise(found);
      } else if (server.exitCode !== null || Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`no ${pattern} from the built server (exit ${server.exitCode}):\n${output}`));
      }
    }, 50);
    const deadline = Date.now() + ms;
  });
}

async function untilReady(path: string, accept: (body: unknown) => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const res = await fetch(`${h.baseUrl}${path}`).catch(() => null);
    if (res && accept(await res.json())) return;
    if (Date.now() > deadline) throw new Error(`${path} not as expected within ${ms} ms:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the built server in `app` on a port the system picks; waits until /readyz says ready. */
async function startServer(extra: NodeJS.ProcessEnv): Promise<void> {
  output = '';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    MONGODB_URI: testDatabaseUri(),
    MONGODB_DB: db.databaseName,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...(process.env.EMBEDDINGS_URL
      ? {
          EMBEDDINGS_URL: process.env.EMBEDDINGS_URL,
          EMBEDDINGS_CACHE_DIR: resolve(repo, process.env.EMBEDDINGS_CACHE_DIR ?? '.data/embeddings-cache'),
        }
      : {}),
    ...extra,
  };
  server = spawn(process.execPath, ['dist/server/main.js'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [, port] = await waitForOutput(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/, 20_000);
  h = { ...h, baseUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}` };
  await untilReady('/readyz', (body) => (body as { ready?: boolean }).ready === true, 10_000);
}

beforeAll(async () => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'pipe' });
  app = mkdtempSync(join(tmpdir(), 'baton-prod-'));
  for (const part of ['dist', 'data', 'package.json', 'bin']) cpSync(join(repo, part), join(app, part), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(app, 'node_modules'));

  client = await MongoClient.connect(testDatabaseUri());
  db = client.db(`baton_test_${randomUUID().slice(0, 8)}`);
  const store = createStore(db);
  await store.ensureIndexes();
  // The seeding helpers only use the store: the server under test is the separate process.
  h = { db, deps: { store } as unknown as FlowDeps } as Harness;
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });

  await startServer({});
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
  await db?.dropDatabase().catch(() => {});
  await client?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

describe('the production build under plain node', () => {
  it('runs the baton command line from the build: no sources beside it, so bin/baton.mjs takes dist/server/cli.js', () => {
    expect(existsSync(join(app, 'server'))).toBe(false);
    const env = {
      PATH: process.env.PATH,
      MONGODB_URI: testDatabaseUri(),
      MONGODB_DB: db.databaseName,
      PUBLIC_URL: 'https://chat.example.com',
    };
    const baton = (...args: string[]) => execFileSync(process.execPath, ['bin/baton.mjs', ...args], { cwd: app, env, encoding: 'utf8' });
    const created = baton('site', 'create', '--name', 'Built', '--origin', 'https://built.example', '--admin', 'ana@built.example');
    expect(created).toMatch(/<script src="https:\/\/chat\.example\.com\/widget\.js" data-site="built-[a-z0-9]+" async><\/script>/);
    expect(created).toMatch(/https:\/\/chat\.example\.com\/inbox\/#\/invite\/[\w-]{43}/);
    expect(baton('site', 'list')).toMatch(/^built-[a-z0-9]+\tBuilt\t\S+\thttps:\/\/built\.example$/m);
  });

  it('answers the probes', async () => {
    const live = await fetch(`${h.baseUrl}/livez`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ ready: true });
  });

  it('carries a visitor through hello, a message and the bot reply, then to an operator', async () => {
    const { client: visitor, welcome } = await visitorSession(h, 'key-a');
    expect(welcome.visitorToken).toMatch(/^[\w-]{20,}$/);
    visitor.send({ type: 'send_message', clientMessageId: 'm1', text: 'Are you a bot?' });
    const bot = await visitor.waitFor('message_added', (e) => e.message.sender.kind === 'bot', 20_000);
    expect(bot.message.text.length).toBeGreaterThan(0);

    const ana = await loginOperator(h, 'ana@a.test');
    const inbox = await connectOperator(h, ana);
    visitor.send({ type: 'request_human', clientMessageId: 'h1' });
    await visitor.waitFor('handoff_started');
    const paged = await inbox.waitFor('handoff_started');
    expect(paged.conversation.conversationId).toBe(bot.message.conversationId);
    inbox.close();
    visitor.close();
  });

  it('finds the example bank from the built file when the semantic layer is on', async () => {
    expect(process.env.EMBEDDINGS_URL, 'run with scripts/with-db.sh, which starts the embeddings service').toBeTruthy();
    await untilReady('/healthz', (body) => HealthResponse.parse(body).embeddings.exampleBank === 'ready', 60_000);
    expect(output).toMatch(/example bank ready/);
  }, 90_000);

  it('serves the widget: a stable launcher with a short cache, the hashed panel immutable, a stale panel redirected', async () => {
    const launcher = await fetch(`${h.baseUrl}/widget.js`);
    expect(launcher.status).toBe(200);
    expect(launcher.headers.get('cache-control')).toMatch(/max-age=300/);
    const { panel } = (await (await fetch(`${h.baseUrl}/${PANEL_MANIFEST}`)).json()) as { panel: string };
    expect(await launcher.text()).toContain(panel);
    const hashed = await fetch(`${h.baseUrl}/${panel}`);
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(hashed.headers.get('access-control-allow-origin')).toBe('*');
    expect(hashed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const stale = await fetch(`${h.baseUrl}/widget-panel.000000000000.js`, { redirect: 'manual' });
    expect(stale.status).toBe(302);
    expect(stale.headers.get('location')).toBe(`/${panel}`);
  });

  it('drains on SIGTERM and exits 0', async () => {
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/shutting down/);
  }, 20_000);

  it('says draining on /readyz during SHUTDOWN_DRAIN_MS while still live, then exits 0', async () => {
    await startServer({ SHUTDOWN_DRAIN_MS: '4000' });
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    await untilReady('/readyz', (body) => (body as { reason?: string }).reason === 'draining', 3_000);
    expect((await fetch(`${h.baseUrl}/livez`)).status).toBe(200);
    expect(await exited).toBe(0);
  }, 40_000);

  it('exits 1 with a log line when closing outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    // 1 ms: closing the event bus and the database client alone takes longer than that.
    await startServer({ SHUTDOWN_TIMEOUT_MS: '1' });
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(output).toMatch(/shutdown took longer than SHUTDOWN_TIMEOUT_MS/);
  }, 40_000);
});
