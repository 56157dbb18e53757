import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createFlowDeps } from '../flows/create-deps';
import { connectDatabase } from '../store/database';

// This test owns its database process so it can stop and restart it.
const FERRETDB = resolve('.tools/bin/ferretdb');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function startFerret(port: number, dir: string): ChildProcess {
  return spawn(FERRETDB, ['--handler=sqlite', `--sqlite-url=file:${dir}/`, `--state-dir=${dir}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable', '--log-level=ERROR'], {
    stdio: 'ignore',
  });
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

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe.runIf(existsSync(FERRETDB))('GET /healthz', () => {
  it('reports the database down within seconds and recovers by itself when it returns', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'baton-health-'));
    let db = startFerret(port, dir);
    children.push(db);
    const { client, db: database } = await until(
      () => connectDatabase(`mongodb://127.0.0.1:${port}/`, 'health').catch(() => null),
      (v) => v !== null,
      10_000,
    ).then((v) => v!);
    const log = pino({ level: 'silent' });
    const app = await buildApp({ deps: createFlowDeps(database, log), logger: log, staticDir: 'dist/public', demoSiteKey: 'demo', sessionTtlMs: 1000, cookieSecure: false });
    const health = async () => {
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      return { status: res.statusCode, body: res.json() };
    };
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });

    db.kill('SIGTERM');
    await new Promise((r) => db.once('exit', r));
    const down = await until(health, (v) => v.status === 503, 8000);
    expect(down).toEqual({ status: 503, body: { status: 'degraded', db: 'down' } });

    db = startFerret(port, dir);
    children.push(db);
    expect(await until(health, (v) => v.status === 200, 15_000)).toEqual({ status: 200, body: { status: 'ok', db: 'up' } });
    await app.close();
    await client.close();
  });
});
