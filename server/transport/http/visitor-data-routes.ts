import type { FastifyInstance } from 'fastify';
import { EraseVisitorResponse, VisitorDataExport, VisitorIdParams } from '../../../shared/visitor-data';
import type { FlowDeps } from '../../composition';
import { eraseVisitorData, exportVisitorData } from '../../flows/admin/visitor-data';
import { authenticate, currentOperator } from '../authenticate';

/** A visitor's data for a site's admins: an export as a JSON download, and erasure. Another site answers 404. */
export async function visitorDataRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  app.addHook('preHandler', authenticate(deps));
  const limited = { rateLimit: { max: 30, timeWindow: '1 minute' } };

  app.get(
    '/api/sites/:siteId/visitors/:visitorId/export',
    { schema: { params: VisitorIdParams, response: { 200: VisitorDataExport } }, config: limited },
    async (request, reply) => {
      const { siteId, visitorId } = request.params as VisitorIdParams;
      const exported = await exportVisitorData(deps, { kind: 'operator', operator: currentOperator(request) }, siteId, visitorId);
      reply.header('cache-control', 'no-store');
      reply.header('content-disposition', `attachment; filename="visitor-${visitorId.replace(/[^A-Za-z0-9_-]/g, '')}.json"`);
      return exported;
    },
  );

  app.post(
    '/api/sites/:siteId/visitors/:visitorId/erase',
    { schema: { params: VisitorIdParams, response: { 200: EraseVisitorResponse } }, config: limited },
    async (request) => {
      const { siteId, visitorId } = request.params as VisitorIdParams;
      return { erasure: await eraseVisitorData(deps, { kind: 'operator', operator: currentOperator(request) }, siteId, visitorId) };
    },
  );
}
