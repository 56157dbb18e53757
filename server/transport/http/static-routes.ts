import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { demoPage, demoScript, demoStyles } from './demo-page';
import { redirectStalePanels } from './panel-files';

/**
 * The built front end: widget.js (the launcher site owners paste), widget-panel.<hash>.js
 * (imported by the launcher from the host page's origin, so it needs CORS), the
 * inbox, and a demo host page served under a strict CSP, as a careful site would.
 */
export async function staticRoutes(app: FastifyInstance, opts: { staticDir: string; demoSiteKey: string }): Promise<void> {
  const root = resolve(opts.staticDir);
  if (!existsSync(resolve(root, 'widget.js'))) {
    app.log.warn({ root }, 'front end not built: run `npm run build` (widget.js, inbox) before starting');
  }
  redirectStalePanels(app, root);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    preCompressed: true,
    index: ['index.html'],
    redirect: true,
    setHeaders(res, path) {
      if (/widget-panel\.[0-9a-f]{12}\.js(\.br|\.gz)?$/.test(path)) {
        // Content-hashed: a new build is a new name, so browsers and CDNs may keep it for good.
        res.header('Cache-Control', 'public, max-age=31536000, immutable');
        res.header('Access-Control-Allow-Origin', '*');
        res.header('Cross-Origin-Resource-Policy', 'cross-origin');
      } else if (/widget(-panel)?\.js(\.br|\.gz)?$/.test(path)) {
        // Unversioned names: short cache, background revalidation keeps embeds fast.
        res.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
        res.header('Access-Control-Allow-Origin', '*');
        res.header('Cross-Origin-Resource-Policy', 'cross-origin');
      } else if (path.includes('/inbox/assets/')) {
        res.header('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.header('Cache-Control', 'no-cache');
      }
    },
  });

  app.get('/', async (_request, reply) => reply.redirect('/demo'));
  app.get('/inbox', async (_request, reply) => reply.redirect('/inbox/'));

  app.get('/demo', async (request, reply) => {
    const { site } = request.query as { site?: string };
    const host = request.headers.host ?? 'localhost';
    const wsScheme = request.protocol === 'https' ? 'wss' : 'ws';
    reply
      .header(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ${wsScheme}://${host}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
      )
      .type('text/html; charset=utf-8')
      .send(demoPage(site && /^[\w-]{1,64}$/.test(site) ? site : opts.demoSiteKey));
  });
  app.get('/demo.css', async (_request, reply) => reply.type('text/css').send(demoStyles));
  app.get('/demo.js', async (_request, reply) => reply.type('text/javascript').send(demoScript));
}
