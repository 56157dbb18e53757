import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../../observability/metrics';

const matches = (given: string, token: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** GET /metrics in Prometheus text format, to `Authorization: Bearer <METRICS_TOKEN>` only (registered only when the token is set). */
export async function metricsRoute(app: FastifyInstance, opts: { metrics: Metrics; token: string }): Promise<void> {
  app.get('/metrics', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!matches(given, opts.token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ code: 'unauthenticated', message: 'Send the METRICS_TOKEN as "Authorization: Bearer <token>".' });
    }
    return reply.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics());
  });
}
