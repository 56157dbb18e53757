import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { DatabaseHealth } from '../../flows/admin/health-check';
import { createLifecycle } from '../../lifecycle';
import { useZodSchemas } from '../zod-compilers';
import { probeRoutes } from './probes';

// The routes map the lifecycle and the database check (its race against a timer is tested with a
// stalled FerretDB in health.int.test.ts) onto /livez and /readyz.
async function probes(health: DatabaseHealth, phase: 'starting' | 'serving' = 'serving') {
  const app = Fastify();
  useZodSchemas(app);
  const lifecycle = createLifecycle(phase);
  let checks = 0;
  await app.register(probeRoutes, {
    lifecycle,
    checkDatabase: async () => {
      checks++;
      return health;
    },
  });
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json(), cache: res.headers['cache-control'] };
  };
  return { app, lifecycle, get, checks: () => checks };
}

const up: DatabaseHealth = { up: true };
const stalled: DatabaseHealth = { up: false, reason: 'the database did not answer a ping within 800 ms', timedOut: true };
const refused: DatabaseHealth = { up: false, reason: 'the database refused or failed the ping', timedOut: false };

describe('/livez and /readyz', () => {
  it('is live and ready while serving with the database up, and never cached', async () => {
    const p = await probes(up);
    expect(await p.get('/livez')).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' });
    expect(await p.get('/readyz')).toEqual({ status: 200, body: { ready: true }, cache: 'no-store' });
  });

  it('is not ready while starting, and does not ask the database then', async () => {
    const p = await probes(up, 'starting');
    expect(await p.get('/readyz')).toMatchObject({ status: 503, body: { ready: false, reason: 'starting' } });
    expect(p.checks()).toBe(0);
    p.lifecycle.serving();
    expect(await p.get('/readyz')).toMatchObject({ status: 200, body: { ready: true } });
  });

  it('turns not ready once draining, while staying live', async () => {
    const p = await probes(up);
    p.lifecycle.draining();
    expect(await p.get('/readyz')).toMatchObject({ status: 503, body: { ready: false, reason: 'draining' } });
    expect((await p.get('/livez')).status).toBe(200);
    p.lifecycle.serving();
    expect((await p.get('/readyz')).body).toEqual({ ready: false, reason: 'draining' });
  });

  it('tells a stalled database from one that refused, and stays live through both', async () => {
    expect((await (await probes(stalled)).get('/readyz')).body).toEqual({ ready: false, reason: 'database_no_answer' });
    const p = await probes(refused);
    expect(await p.get('/readyz')).toMatchObject({ status: 503, body: { ready: false, reason: 'database_down' } });
    expect((await p.get('/livez')).status).toBe(200);
  });
});
