import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { siteAvailability, siteByKey } from '../../flows/visitor/site';
import { routeServer } from './serve-route';

/** Public, cookieless, readable from any origin: the launcher asks before the visitor interacts. */
export async function widgetRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const serve = routeServer(app);
  serve(apiRoutes.widgetAvailability, async (request, reply) => {
    const site = await siteByKey(opts.deps, request.query.site);
    if (!site) throw new CodedError('unknown_site');
    reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin').header('Cache-Control', 'public, max-age=30');
    return siteAvailability(opts.deps, site);
  });
}
