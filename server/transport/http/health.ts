import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import type { FlowDeps } from '../../composition';
import { checkDatabase } from '../../flows/admin/health-check';
import { routeServer } from './serve-route';

export async function healthRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const serve = routeServer(app);
  serve(apiRoutes.health, async (_request, reply) => {
    const db = await checkDatabase(opts.deps);
    const embeddings = opts.deps.meanings.status();
    return db.up
      ? reply.status(200).send({ status: 'ok', db: 'up', embeddings })
      : reply.status(503).send({ status: 'degraded', db: 'down', embeddings, reason: db.reason });
  });
}
