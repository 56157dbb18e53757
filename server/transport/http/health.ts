import type { FastifyInstance } from 'fastify';
import { HealthResponse } from '../../../shared/http';
import type { FlowDeps } from '../../composition';
import { checkDatabase } from '../../flows/admin/health-check';

export async function healthRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  app.get('/healthz', { schema: { response: { 200: HealthResponse, 503: HealthResponse } } }, async (_req, reply) => {
    const db = await checkDatabase(opts.deps);
    const embeddings = opts.deps.meanings.status();
    return db.up
      ? reply.status(200).send({ status: 'ok', db: 'up', embeddings })
      : reply.status(503).send({ status: 'degraded', db: 'down', embeddings, reason: db.reason });
  });
}
