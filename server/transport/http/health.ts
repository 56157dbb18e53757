import type { FastifyInstance } from 'fastify';
import { HealthResponse } from '../../../shared/http';
import type { FlowDeps } from '../../composition';
import { isDatabaseUp } from '../../flows/admin/health-check';

export async function healthRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  app.get('/healthz', { schema: { response: { 200: HealthResponse, 503: HealthResponse } } }, async (_req, reply) => {
    const up = await isDatabaseUp(opts.deps);
    const embeddings = opts.deps.meanings.status();
    return reply.status(up ? 200 : 503).send(up ? { status: 'ok', db: 'up', embeddings } : { status: 'degraded', db: 'down', embeddings });
  });
}
