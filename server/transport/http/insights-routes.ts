import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import { insightsCsv } from '../../domain/insights/csv';
import type { FlowDeps } from '../../composition';
import { loadReviewSample, markReview, teachFromReview } from '../../flows/admin/review-sample';
import { insightConversations, loadInsights } from '../../flows/operator/insights';
import { assertSiteAccess, authenticate, currentOperator } from '../authenticate';
import { routeServer } from './serve-route';

/** Insights: a site's handoff measures (admins) or an operator's own, their CSV, the conversations behind each figure, and the weekly review sample (admins). */
export async function insightsRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });
  const siteOperator = (request: { params: { siteId: string } } & Parameters<typeof currentOperator>[0]) => {
    const operator = currentOperator(request);
    assertSiteAccess(operator, request.params.siteId);
    return { operator, siteId: request.params.siteId };
  };

  serve(apiRoutes.insights, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return loadInsights(deps, operator, siteId, request.query);
  });

  serve(apiRoutes.insightsCsv, async (request, reply) => {
    const { operator, siteId } = siteOperator(request);
    const insights = await loadInsights(deps, operator, siteId, request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="baton-insights-${insights.from}-${insights.to}.csv"`)
      .serializer((payload: unknown) => String(payload))
      .send(insightsCsv(insights.figures));
  });

  serve(apiRoutes.insightConversations, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return insightConversations(deps, operator, siteId, request.query);
  });

  serve(apiRoutes.reviewSample, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return loadReviewSample(deps, operator, siteId, request.query);
  });

  serve(apiRoutes.markReview, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return markReview(deps, operator, siteId, request.body);
  });

  serve(apiRoutes.teachFromReview, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return teachFromReview(deps, operator, siteId, request.body);
  });
}
