import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';

// The processes the fault suite breaks on purpose: its own FerretDB (so SIGSTOP/SIGKILL hit nothing
// else) over the PostgreSQL cluster scripts/with-db.sh started (BATON_PG_URL), and the Baton server,
// each a direct child on a loopback port it keeps across restarts.

const ROOT = resolve(import.meta.dirname, '../..');
const FERRETDB = join(ROOT, '.tools/bin/ferretdb');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function pgUrl(): string {
  const url = process.env.BATON_PG_URL;
  if (!url) throw new Error('BATON_PG_URL is not set: run the fault suite with `npm run chaos` (scripts/with-db.sh starts PostgreSQL).');
  return url;
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

export class Database {
  child: ChildProcess | null = null;
  readonly uri: string;
  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {
    this.uri = `mongodb://127.0.0.1:${port}/`;
    mkdirSync(dataDir, { recursive: true });
  }

  async start(): Promise<void> {
    const log = openSync(join(this.dataDir, 'ferretdb.log'), 'a');
    this.child = spawn(
      FERRETDB,
      [
        '--handler=postgresql',
        `--postgresql-url=${pgUrl()}`,
        `--state-dir=${this.dataDir}`,
        `--listen-addr=127.0.0.1:${this.port}`,
        '--debug-addr=-',
        '--telemetry=disable',
        '--log-level=WARN',
      ],
      { stdio: ['ignore', log, log] },
    );
    await waitFor('FerretDB', () => this.ping(), 20_000);
  }

  async ping(): Promise<boolean> {
    const client = new MongoClient(this.uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
    try {
      await client.db('admin').command({ ping: 1 });
      return true;
    } finally {
      await client.close();
    }
  }

  /** SIGTERM and wait: the database is gone until start(). */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGCONT');
    this.child.kill('SIGTERM');
    await exited(this.child);
    this.child = null;
  }

  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }
}

export class BatonServer {
  child: ChildProcess | null = null;
  private started = 0;
  constructor(
    readonly port: number,
    readonly dbUri: string,
    readonly dbName: string,
    readonly logFile: string,
  ) {}

  async start(): Promise<void> {
    const log = openSync(this.logFile, 'a');
    // node --import tsx, not the tsx CLI: one process, so SIGKILL leaves no orphan behind.
    this.child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/e2e-server.ts')], {
      cwd: ROOT,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        MONGODB_URI: this.dbUri,
        E2E_DB: this.dbName,
        PORT: String(this.port),
        LOG_LEVEL: 'warn',
        // The first start makes a fresh database; every restart keeps it, as a real restart would.
        ...(this.started > 0 ? { E2E_KEEP_DB: '1' } : {}),
      },
    });
    this.started++;
    await waitFor('the Baton server', async () => (await fetch(`http://127.0.0.1:${this.port}/healthz`)).ok, 60_000);
  }

  async kill9(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGKILL');
    await exited(this.child);
    this.child = null;
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGTERM');
    await Promise.race([exited(this.child), sleep(5000)]);
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}
