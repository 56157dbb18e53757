import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { WidgetAvailability } from '../../../shared/visitor-protocol';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { siteAvailability, siteByKey } from '../../flows/visitor/site';

const Query = z.object({ site: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Public, cookieless, readable from any origin: the launcher asks before the visitor interacts. */
export async function widgetRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  app.get('/api/widget/availability', { schema: { querystring: Query, response: { 200: WidgetAvailability } } }, async (request, reply) => {
    const site = await siteByKey(opts.deps, (request.query as z.infer<typeof Query>).site);
    if (!site) throw new CodedError('unknown_site');
    reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin').header('Cache-Control', 'public, max-age=30');
    return siteAvailability(opts.deps, site);
  });
}
