import type { FastifyInstance } from 'fastify';
import { SiteIdParams } from '../../../shared/http';
import { InsightsConversationsQuery, InsightsConversationsResponse, InsightsQuery, InsightsResponse } from '../../../shared/insights';
import { insightsCsv } from '../../domain/insights/csv';
import type { FlowDeps } from '../../composition';
import { insightConversations, loadInsights } from '../../flows/operator/insights';
import { assertSiteAccess, authenticate, currentOperator } from '../authenticate';

/** Insights: a site's handoff measures (admins) or an operator's own, their CSV, and the conversations behind each figure. */
export async function insightsRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  app.addHook('preHandler', authenticate(deps));
  const siteOf = (params: unknown) => (params as { siteId: string }).siteId;

  app.get('/api/sites/:siteId/insights', { schema: { params: SiteIdParams, querystring: InsightsQuery, response: { 200: InsightsResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const siteId = siteOf(request.params);
    assertSiteAccess(operator, siteId);
    return loadInsights(deps, operator, siteId, request.query as InsightsQuery);
  });

  app.get('/api/sites/:siteId/insights.csv', { schema: { params: SiteIdParams, querystring: InsightsQuery } }, async (request, reply) => {
    const operator = currentOperator(request);
    const siteId = siteOf(request.params);
    assertSiteAccess(operator, siteId);
    const insights = await loadInsights(deps, operator, siteId, request.query as InsightsQuery);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="baton-insights-${insights.from}-${insights.to}.csv"`)
      .send(insightsCsv(insights.figures));
  });

  app.get(
    '/api/sites/:siteId/insights/conversations',
    { schema: { params: SiteIdParams, querystring: InsightsConversationsQuery, response: { 200: InsightsConversationsResponse } } },
    async (request) => {
      const operator = currentOperator(request);
      const siteId = siteOf(request.params);
      assertSiteAccess(operator, siteId);
      return insightConversations(deps, operator, siteId, request.query as InsightsConversationsQuery);
    },
  );
}
