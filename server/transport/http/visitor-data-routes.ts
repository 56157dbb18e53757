import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import type { FlowDeps } from '../../composition';
import { eraseVisitorData, exportVisitorData } from '../../flows/admin/visitor-data';
import { authenticate, currentOperator } from '../authenticate';
import { routeServer } from './serve-route';

/** A visitor's data for a site's admins: an export as a JSON download, and erasure. Another site answers 404 (the flow checks). */
export async function visitorDataRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });
  const limited = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } };

  serve(
    apiRoutes.exportVisitorData,
    async (request, reply) => {
      const { siteId, visitorId } = request.params;
      const exported = await exportVisitorData(deps, { kind: 'operator', operator: currentOperator(request) }, siteId, visitorId);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="visitor-${visitorId.replace(/[^A-Za-z0-9_-]/g, '')}.json"`);
      return exported;
    },
    limited,
  );

  serve(
    apiRoutes.eraseVisitorData,
    async (request) => {
      const { siteId, visitorId } = request.params;
      return { erasure: await eraseVisitorData(deps, { kind: 'operator', operator: currentOperator(request) }, siteId, visitorId) };
    },
    limited,
  );
}
