import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiRoutes } from '../../../shared/api/routes';
import { CodedError } from '../../coded-error';
import type { FlowDeps } from '../../composition';
import { botApiKeyStatus, setBotApiKey, testQuestion } from '../../flows/admin/bot-settings';
import { listOperatorProfiles, updateOperatorProfile } from '../../flows/admin/operator-profiles';
import { loadQueueSummaries, loadSavedReplies, loadSiteConfig, patchSiteConfig, saveSiteConfig } from '../../flows/admin/site-config';
import { revealSiteSecret, rotateSiteSecret } from '../../flows/admin/site-secret';
import { loadOperatorLoads } from '../../flows/handoff/operator-load';
import { toWireCallback } from '../../flows/handoff/wire';
import { markCallbackDone } from '../../flows/operator/callback-done';
import { listCallbacks, listOperatorSites } from '../../flows/operator/inbox-queries';
import { setPresence } from '../../flows/operator/presence';
import { assertSiteAccess, authenticate, currentOperator } from '../authenticate';
import { routeServer } from './serve-route';

/** The operator, after checking the URL's site is one of theirs (another site answers 404). */
function siteOperator(request: FastifyRequest & { params: { siteId: string } }) {
  const operator = currentOperator(request);
  const { siteId } = request.params;
  assertSiteAccess(operator, siteId);
  return { operator, siteId };
}

export async function siteRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  const serve = routeServer(app, { authenticate: authenticate(deps) });
  // A credential: never cached, and few reads a minute even for an admin.
  const secretRoute = { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } };

  serve(apiRoutes.sites, async (request) => ({ sites: await listOperatorSites(deps, currentOperator(request)) }));

  serve(apiRoutes.operators, async (request) => {
    const { siteId } = siteOperator(request);
    const loads = await loadOperatorLoads(deps, siteId);
    return { operators: loads.map(({ languages: _languages, ...load }) => load) };
  });

  serve(apiRoutes.queues, async (request) => ({ queues: await loadQueueSummaries(deps, siteOperator(request).siteId) }));

  serve(apiRoutes.savedReplies, async (request) => ({ savedReplies: await loadSavedReplies(deps, siteOperator(request).siteId) }));

  serve(apiRoutes.siteConfig, async (request) => {
    const { operator, siteId } = siteOperator(request);
    const site = await loadSiteConfig(deps, operator, siteId);
    return { config: site.config, configVersion: site.configVersion };
  });

  serve(apiRoutes.saveSiteConfig, async (request) => {
    const { operator, siteId } = siteOperator(request);
    const saved = await saveSiteConfig(deps, operator, siteId, request.body.config, request.body.configVersion);
    return { config: saved.config, configVersion: saved.configVersion };
  });

  serve(apiRoutes.patchSiteConfig, async (request) => {
    const { operator, siteId } = siteOperator(request);
    const saved = await patchSiteConfig(deps, operator, siteId, request.body.changes);
    return { config: saved.config, configVersion: saved.configVersion };
  });

  serve(
    apiRoutes.siteSecret,
    async (request, reply) => {
      const { operator, siteId } = siteOperator(request);
      reply.header('cache-control', 'no-store');
      return { secret: await revealSiteSecret(deps, operator, siteId, request.query.kind) };
    },
    secretRoute,
  );

  serve(
    apiRoutes.rotateSiteSecret,
    async (request, reply) => {
      const { operator, siteId } = siteOperator(request);
      reply.header('cache-control', 'no-store');
      return { secret: await rotateSiteSecret(deps, operator, siteId, request.query.kind) };
    },
    secretRoute,
  );

  serve(apiRoutes.botApiKey, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return botApiKeyStatus(deps, operator, siteId);
  });

  serve(
    apiRoutes.setBotApiKey,
    async (request, reply) => {
      const { operator, siteId } = siteOperator(request);
      reply.header('cache-control', 'no-store');
      return setBotApiKey(deps, operator, siteId, request.body.apiKey);
    },
    secretRoute,
  );

  serve(apiRoutes.testQuestion, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return testQuestion(deps, operator, siteId, request.body);
  });

  serve(apiRoutes.operatorProfiles, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return { operators: await listOperatorProfiles(deps, operator, siteId) };
  });

  serve(apiRoutes.updateOperator, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return { operator: await updateOperatorProfile(deps, operator, siteId, request.params.operatorId, request.body) };
  });

  serve(apiRoutes.callbacks, async (request) => ({ callbacks: await listCallbacks(deps, currentOperator(request)) }));

  serve(apiRoutes.markCallbackDone, async (request) => {
    const done = await markCallbackDone(deps, currentOperator(request), request.params.callbackId);
    if (!done) throw new CodedError('not_found', 'No callback with that id.');
    return { callback: toWireCallback(done) };
  });

  serve(apiRoutes.setPresence, async (request) => {
    const { presence } = request.body;
    await setPresence(deps, currentOperator(request), presence, true);
    return { presence };
  });
}
