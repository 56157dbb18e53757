import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { MongoClient } from 'mongodb';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../shared/protocol-version';
import { DEMO_OPERATORS, DEMO_SITE, seedDemo } from '../seed/seed-demo';
import { createStore } from '../store';
import { testDatabaseUri } from '../test-support/harness';

// The real server (server/main.ts, its own logger) at debug level through a journey that handles
// every kind of secret; then its whole log output is searched for each of them.

const ROOT = resolve(import.meta.dirname, '../..');
const dbName = `baton_test_logs_${randomUUID().slice(0, 8)}`;
let server: ChildProcess;
let output = '';
let baseUrl = '';
let client: MongoClient;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as { port: number };
  await new Promise((r) => probe.close(r));
  return port;
}

beforeAll(async () => {
  client = new MongoClient(testDatabaseUri());
  await seedDemo(createStore(client.db(dbName)));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: testDatabaseUri(), MONGODB_DB: dbName, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'trace' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (c: Buffer) => {
    output += c.toString();
  });
  server.stderr!.on('data', (c: Buffer) => {
    output += c.toString();
  });
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start:\n${output}`);
}, 40_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  await client
    .db(dbName)
    .dropDatabase()
    .catch(() => {});
  await client.close();
});

function visitorWelcome(token?: string): Promise<{ visitorToken: string }> {
  const q = new URLSearchParams({ site: DEMO_SITE.siteKey, v: String(PROTOCOL_VERSION), ...(token ? { token } : {}) });
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws/visitor?${q}`);
  return new Promise((done, fail) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', context: {}, afterSeq: 0 })));
    ws.on('message', (raw) => {
      const event = JSON.parse(raw.toString());
      if (event.type !== 'welcome') return;
      ws.close();
      done(event);
    });
    ws.on('error', fail);
  });
}

describe('the log output of a journey', () => {
  it('holds no visitor token, session cookie, CSRF token, password or webhook URL', async () => {
    // A visitor comes back with its token in the socket URL.
    const { visitorToken } = await visitorWelcome();
    await visitorWelcome(visitorToken);

    // An admin signs in, and saves a webhook URL (a credential, as Slack's are).
    const admin = DEMO_OPERATORS.find((o) => o.role === 'admin')!;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const current = (await (await fetch(`${baseUrl}/api/sites/${DEMO_SITE.siteId}/config`, { headers })).json()) as {
      config: { webhook: object };
      configVersion: number;
    };
    const hook = 'https://hooks.example.com/services/T0/B0/HOOKSECRET123';
    const save = await fetch(`${baseUrl}/api/sites/${DEMO_SITE.siteId}/config`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        config: { ...current.config, webhook: { ...current.config.webhook, url: hook } },
        configVersion: current.configVersion,
      }),
    });
    expect(save.status).toBe(200);
    // A malformed request with a token in its query still goes through the error path's logging.
    await fetch(`${baseUrl}/api/sites/${DEMO_SITE.siteId}/config?token=${visitorToken}`, { method: 'PUT', headers, body: '{' });
    await new Promise((r) => setTimeout(r, 300));

    expect(output).toContain('incoming request');
    expect(output).toContain('/ws/visitor?site=demo');
    const sessionCookie = cookie.split('=')[1]!;
    for (const secret of [visitorToken, sessionCookie, csrfToken, admin.password, 'HOOKSECRET123']) {
      expect(output.includes(secret), `the log holds ${secret.slice(0, 6)}…`).toBe(false);
    }
  });
});
