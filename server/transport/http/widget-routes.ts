import type { FastifyInstance } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { siteAvailability, siteByKey } from '../../flows/visitor/site';
import { isOriginAllowed } from '../../domain/origin-policy';
import { routeServer } from './serve-route';

/** Public, cookieless, readable from any origin: the launcher asks before the visitor interacts. */
export async function widgetRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const serve = routeServer(app);
  serve(apiRoutes.widgetAvailability, async (request, reply) => {
    const site = await siteByKey(opts.deps, request.query.site);
    if (!site) throw new CodedError('unknown_site');
    // Readable by any page, so the launcher can tell its own page's owner why it is refused; varies by Origin for caches.
    reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin').header('Vary', 'Origin');
    const origin = request.headers.origin;
    if (!isOriginAllowed(origin, site.config.allowedOrigins)) {
      throw new CodedError(
        'origin_not_allowed',
        `${origin} is not one of this site's allowed origins; an admin adds it under Settings → General (or \`baton site origins\`).`,
      );
    }
    reply.header('Cache-Control', 'public, max-age=30');
    return siteAvailability(opts.deps, site);
  });
}
