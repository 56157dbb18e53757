import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { CallbackIdParams, PresenceBody, SiteIdParams } from '../../shared/http';
import { SiteConfig } from '../../shared/site-config';
import { markCallbackDone } from '../flows/callbacks';
import type { FlowDeps } from '../flows/deps';
import { loadOperatorLoads } from '../flows/operator-load';
import { setPresence } from '../flows/presence';
import { saveSiteConfig } from '../flows/site-config';
import { toWireCallback } from '../flows/wire';
import { assertSiteAccess, authenticate, currentOperator } from './authenticate';
import { CodedError } from '../coded-error';

const PutConfigBody = z.object({ config: z.unknown(), configVersion: z.optional(z.number()) });

export async function siteRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  app.addHook('preHandler', authenticate(deps));

  app.get('/api/sites', async (request) => {
    const operator = currentOperator(request);
    const sites = await deps.store.sites.list(operator.siteIds);
    return { sites: sites.map((s) => ({ siteId: s._id, name: s.name, siteKey: s.siteKey })) };
  });

  app.get('/api/sites/:siteId/operators', { schema: { params: SiteIdParams } }, async (request) => {
    const operator = currentOperator(request);
    const { siteId } = request.params as { siteId: string };
    assertSiteAccess(operator, siteId);
    const loads = await loadOperatorLoads(deps, siteId);
    return { operators: loads.map(({ languages: _languages, ...load }) => load) };
  });

  app.get('/api/sites/:siteId/config', { schema: { params: SiteIdParams } }, async (request) => {
    const operator = currentOperator(request);
    const { siteId } = request.params as { siteId: string };
    assertSiteAccess(operator, siteId);
    const site = await deps.store.sites.get(siteId);
    if (!site) throw new CodedError('not_found');
    return { config: site.config, configVersion: site.configVersion };
  });

  app.put('/api/sites/:siteId/config', { schema: { params: SiteIdParams, body: PutConfigBody } }, async (request) => {
    const operator = currentOperator(request);
    const { siteId } = request.params as { siteId: string };
    assertSiteAccess(operator, siteId);
    if (operator.role !== 'admin') throw new CodedError('forbidden', 'Only admins can change site settings.');
    const body = request.body as z.infer<typeof PutConfigBody>;
    const parsed = SiteConfig.safeParse(body.config);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new CodedError('invalid_request', 'Some settings are not valid; see the marked fields.', issues);
    }
    const saved = await saveSiteConfig(deps, operator, siteId, parsed.data, body.configVersion);
    return { config: saved.config, configVersion: saved.configVersion };
  });

  app.get('/api/callbacks', async (request) => {
    const operator = currentOperator(request);
    return { callbacks: (await deps.store.callbacks.forSites(operator.siteIds)).map(toWireCallback) };
  });

  app.post('/api/callbacks/:callbackId/done', { schema: { params: CallbackIdParams } }, async (request) => {
    const operator = currentOperator(request);
    const { callbackId } = request.params as { callbackId: string };
    const done = await markCallbackDone(deps, operator, callbackId);
    if (!done) throw new CodedError('not_found', 'No callback with that id.');
    return { callback: toWireCallback(done) };
  });

  app.put('/api/me/presence', { schema: { body: PresenceBody } }, async (request) => {
    const operator = currentOperator(request);
    await setPresence(deps, operator, (request.body as z.infer<typeof PresenceBody>).presence, true);
    return { presence: (request.body as z.infer<typeof PresenceBody>).presence };
  });
}
