import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { type DatabaseProbe, judgeReadiness, needsDatabaseProbe } from '../../domain/readiness';
import type { Lifecycle } from '../../lifecycle';

/** /readyz answers within a second: the ping races this timer (the store's own timeout is longer). */
export const READY_PROBE_DEADLINE_MS = 800;

const Ready = z.object({
  ready: z.boolean(),
  reason: z.optional(z.enum(['starting', 'draining', 'database_down', 'database_no_answer'])),
});
const Live = z.object({ status: z.literal('ok') });

function probeDatabase(ping: () => Promise<boolean>, deadlineMs: number): Promise<DatabaseProbe> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DatabaseProbe>((resolve) => {
    timer = setTimeout(() => resolve('no_answer'), deadlineMs);
  });
  const answer = ping().then(
    (up): DatabaseProbe => (up ? 'up' : 'down'),
    (): DatabaseProbe => 'down',
  );
  return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Probes for orchestrators, uncached and cheap: /livez = the process answers (restart if not);
 * /readyz = send traffic here (not while starting, draining or without a database).
 * /healthz stays the detailed human-facing report.
 */
export async function probeRoutes(
  app: FastifyInstance,
  opts: { lifecycle: Lifecycle; ping: () => Promise<boolean>; deadlineMs?: number },
): Promise<void> {
  const noStore = { 'cache-control': 'no-store' };
  app.get('/livez', { config: { rateLimit: false }, schema: { response: { 200: Live } } }, async (_req, reply) =>
    reply.headers(noStore).send({ status: 'ok' }),
  );
  app.get('/readyz', { config: { rateLimit: false }, schema: { response: { 200: Ready, 503: Ready } } }, async (_req, reply) => {
    const phase = opts.lifecycle.phase();
    const database = needsDatabaseProbe(phase) ? await probeDatabase(opts.ping, opts.deadlineMs ?? READY_PROBE_DEADLINE_MS) : null;
    const verdict = judgeReadiness(phase, database);
    return reply.status(verdict.ready ? 200 : 503).headers(noStore).send(verdict);
  });
}
