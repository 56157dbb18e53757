import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import { type DatabaseProbe, judgeReadiness, needsDatabaseProbe } from '../../domain/readiness';
import type { DatabaseHealth } from '../../flows/admin/health-check';
import type { Lifecycle } from '../../lifecycle';
import { routeServer } from './serve-route';

const toProbe = (health: DatabaseHealth): DatabaseProbe => (health.up ? 'up' : health.timedOut ? 'no_answer' : 'down');

/**
 * Probes for orchestrators, uncached and cheap: /livez = the process answers (restart if not);
 * /readyz = send traffic here (not while starting, draining or without a database). The database
 * check races its ping against a timer (flows/admin/health-check.ts), so /readyz answers within a
 * second. /healthz stays the detailed report for people.
 */
export async function probeRoutes(
  app: FastifyInstance,
  opts: { lifecycle: Lifecycle; checkDatabase: () => Promise<DatabaseHealth> },
): Promise<void> {
  const serve = routeServer(app);
  const noStore = { 'cache-control': 'no-store' };
  const unlimited = { config: { rateLimit: false as const } };
  serve(apiRoutes.live, async (_request, reply) => reply.headers(noStore).send({ status: 'ok' }), unlimited);
  serve(
    apiRoutes.ready,
    async (_request, reply) => {
      const phase = opts.lifecycle.phase();
      const database = needsDatabaseProbe(phase) ? toProbe(await opts.checkDatabase()) : null;
      const verdict = judgeReadiness(phase, database);
      return reply
        .status(verdict.ready ? 200 : 503)
        .headers(noStore)
        .send(verdict);
    },
    unlimited,
  );
}
