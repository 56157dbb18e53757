import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { MongoClient } from 'mongodb';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createFlowDeps } from '../composition';
import { connectDatabase } from '../store/database';

// This test owns its database process so it can stop and restart it; the test
// scripts (scripts/with-db.sh, via scripts/ferretdb.sh) install the binary.
const FERRETDB = resolve('.tools/bin/ferretdb');

// scripts/ferretdb.sh exports BATON_DB_PID only when it started FerretDB itself. With a database
// given from outside, the binary may never have been installed, so the test skips; whenever the
// scripts started FerretDB (CI, `npm test`) it runs, and a missing binary fails it.
const externalDatabase = Boolean(process.env.MONGODB_URI) && !process.env.BATON_DB_PID;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

const running = new Set<ChildProcess>();

/**
 * Starts FerretDB on `port`. Ready means its own "Listening on" line, not a
 * connection to the port: another process may hold the port (the free port was
 * taken after freePort(), or the stopped server's port before the restart).
 */
function startFerret(port: number, dir: string): Promise<ChildProcess | 'port_taken'> {
  // A FerretDB of its own over the run's PostgreSQL cluster (scripts/ferretdb.sh exports its URL).
  const postgres = process.env.BATON_PG_URL ?? '';
  const child = spawn(
    FERRETDB,
    [
      '--handler=postgresql',
      `--postgresql-url=${postgres}`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=INFO',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`FerretDB did not listen on port ${port} within 10 s:\n${output}`)), 10_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`Listening on TCP 127.0.0.1:${port}`)) {
        clearTimeout(timer);
        resolvePromise(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      if (output.includes('address already in use')) resolvePromise('port_taken');
      else reject(new Error(`FerretDB exited at start:\n${output}`));
    });
  });
}

async function startOnFreePort(dir: string): Promise<{ child: ChildProcess; port: number }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = await startFerret(port, dir);
    if (child !== 'port_taken') return { child, port };
  }
  throw new Error('FerretDB lost a free port to another process three times');
}

/** The app's client knows one address, so the restart must win the same port back. */
async function restartOnSamePort(port: number, dir: string): Promise<ChildProcess> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const child = await startFerret(port, dir);
    if (child !== 'port_taken') return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`port ${port} stayed taken by another process for 10 s; FerretDB could not be restarted on it`);
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const end = Date.now() + ms;
  let last = await probe();
  while (!ok(last) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}

const dir = mkdtempSync(join(tmpdir(), 'baton-health-'));
let app: FastifyInstance | null = null;
let client: MongoClient | null = null;
afterAll(async () => {
  await app?.close();
  await client?.close();
  await Promise.all([...running].map((child) => stop(child, 'SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(externalDatabase)(
  'GET /healthz (needs the local FerretDB the test scripts start; skipped with an external MONGODB_URI)',
  () => {
    it('reports the database down within seconds and recovers by itself when it returns', async () => {
      if (!existsSync(FERRETDB)) {
        throw new Error(
          `${FERRETDB} is missing: run integration tests with \`npm run test:integration\` (without MONGODB_URI), which installs FerretDB first.`,
        );
      }
      const { child, port } = await startOnFreePort(dir);
      const connected = await connectDatabase(`mongodb://127.0.0.1:${port}/`, 'health');
      client = connected.client;
      const log = pino({ level: 'silent' });
      app = await buildApp({
        deps: createFlowDeps(connected.db, log),
        logger: log,
        staticDir: 'dist/public',
        demoSiteKey: 'demo',
        sessionTtlMs: 1000,
        cookieSecure: false,
      });
      const health = async () => {
        const res = await app!.inject({ method: 'GET', url: '/healthz' });
        return { status: res.statusCode, body: res.json() };
      };
      // No embeddings service configured here: off, and the rules decide alone (the embeddings' own
      // degraded mode is tested in semantic-judgement.int.test.ts).
      const embeddings = { state: 'off', reason: 'EMBEDDINGS_URL is not set', since: expect.any(String), exampleBank: 'off' };
      expect(await health()).toEqual({ status: 200, body: { status: 'ok', db: 'up', embeddings } });

      await stop(child, 'SIGTERM');
      const down = await until(health, (v) => v.status === 503, 8000);
      expect(down).toEqual({ status: 503, body: { status: 'degraded', db: 'down', embeddings, reason: expect.any(String) } });

      await restartOnSamePort(port, dir);
      expect(await until(health, (v) => v.status === 200, 15_000)).toEqual({ status: 200, body: { status: 'ok', db: 'up', embeddings } });
    });

    it('answers 503 with the reason (and /readyz not ready) while the database process is stalled (SIGSTOP), and 200 once it resumes', async () => {
      const { child, port } = await startOnFreePort(dir);
      const connected = await connectDatabase(`mongodb://127.0.0.1:${port}/`, 'health_stall');
      const log = pino({ level: 'silent' });
      const stalled = await buildApp({
        deps: createFlowDeps(connected.db, log),
        logger: log,
        staticDir: 'dist/public',
        demoSiteKey: 'demo',
        sessionTtlMs: 1000,
        cookieSecure: false,
      });
      await stalled.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(stalled.server.address() as AddressInfo).port}/healthz`;
      try {
        expect((await fetch(url)).status).toBe(200);
        child.kill('SIGSTOP');
        // The answer must come within a second (1.5 s allowed for a loaded test machine), while the
        // database is still stalled: it stays stopped until after these requests.
        for (let probe = 0; probe < 3; probe++) {
          const res = await fetch(url, { signal: AbortSignal.timeout(1_500) });
          expect(res.status).toBe(503);
          expect(await res.json()).toMatchObject({
            status: 'degraded',
            db: 'down',
            reason: expect.stringMatching(/did not answer a ping within \d+ ms/),
          });
          const ready = await fetch(url.replace('/healthz', '/readyz'), { signal: AbortSignal.timeout(1_500) });
          // The first stalled ping times out; after it the driver may fail the next ones at once.
          expect({ status: ready.status, body: await ready.json() }).toEqual({
            status: 503,
            body: { ready: false, reason: expect.stringMatching(/^database_(no_answer|down)$/) },
          });
        }
        child.kill('SIGCONT');
        expect(
          await until(
            async () => (await fetch(url)).status,
            (s) => s === 200,
            15_000,
          ),
        ).toBe(200);
      } finally {
        child.kill('SIGCONT');
        await stalled.close();
        await connected.client.close();
      }
    });
  },
);
