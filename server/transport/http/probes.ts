import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { type DatabaseProbe, judgeReadiness, needsDatabaseProbe } from '../../domain/readiness';
import type { DatabaseHealth } from '../../flows/admin/health-check';
import type { Lifecycle } from '../../lifecycle';

const Ready = z.object({
  ready: z.boolean(),
  reason: z.optional(z.enum(['starting', 'draining', 'database_down', 'database_no_answer'])),
});
const Live = z.object({ status: z.literal('ok') });

const toProbe = (health: DatabaseHealth): DatabaseProbe => (health.up ? 'up' : health.timedOut ? 'no_answer' : 'down');

/**
 * Probes for orchestrators, uncached and cheap: /livez = the process answers (restart if not);
 * /readyz = send traffic here (not while starting, draining or without a database). The database
 * check races its ping against a timer (flows/admin/health-check.ts), so /readyz answers within a
 * second. /healthz stays the detailed report for people.
 */
export async function probeRoutes(app: FastifyInstance, opts: { lifecycle: Lifecycle; checkDatabase: () => Promise<DatabaseHealth> }): Promise<void> {
  const noStore = { 'cache-control': 'no-store' };
  app.get('/livez', { config: { rateLimit: false }, schema: { response: { 200: Live } } }, async (_req, reply) =>
    reply.headers(noStore).send({ status: 'ok' }),
  );
  app.get('/readyz', { config: { rateLimit: false }, schema: { response: { 200: Ready, 503: Ready } } }, async (_req, reply) => {
    const phase = opts.lifecycle.phase();
    const database = needsDatabaseProbe(phase) ? toProbe(await opts.checkDatabase()) : null;
    const verdict = judgeReadiness(phase, database);
    return reply.status(verdict.ready ? 200 : 503).headers(noStore).send(verdict);
  });
}
