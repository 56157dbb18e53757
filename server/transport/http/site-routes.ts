import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  CallbackDoneResponse,
  CallbackIdParams,
  CallbacksResponse,
  OperatorIdParams,
  OperatorProfileResponse,
  OperatorProfilesResponse,
  OperatorsResponse,
  PresenceBody,
  PresenceResponse,
  PutSiteConfigBody,
  QueuesResponse,
  SiteConfigResponse,
  SiteIdParams,
  SiteSecretResponse,
  SecretKindQuery,
  BotApiKeyResponse,
  PutBotApiKeyBody,
  TestQuestionBody,
  TestQuestionResponse,
  SitesResponse,
  UpdateOperatorBody,
} from '../../../shared/http';
import { markCallbackDone } from '../../flows/operator/callback-done';
import type { FlowDeps } from '../../composition';
import { listCallbacks, listOperatorSites } from '../../flows/operator/inbox-queries';
import { loadOperatorLoads } from '../../flows/handoff/operator-load';
import { listOperatorProfiles, updateOperatorProfile } from '../../flows/admin/operator-profiles';
import { setPresence } from '../../flows/operator/presence';
import { loadQueueSummaries, loadSiteConfig, saveSiteConfig } from '../../flows/admin/site-config';
import { revealSiteSecret, rotateSiteSecret } from '../../flows/admin/site-secret';
import { botApiKeyStatus, setBotApiKey, testQuestion } from '../../flows/admin/bot-settings';
import { toWireCallback } from '../../flows/handoff/wire';
import { assertSiteAccess, authenticate, currentOperator } from '../authenticate';
import { CodedError } from '../../coded-error';

/** The operator, after checking the URL's site is one of theirs (another site answers 404). */
function siteOperator(request: FastifyRequest) {
  const operator = currentOperator(request);
  const { siteId } = request.params as { siteId: string };
  assertSiteAccess(operator, siteId);
  return { operator, siteId };
}

export async function siteRoutes(app: FastifyInstance, opts: { deps: FlowDeps }): Promise<void> {
  const { deps } = opts;
  app.addHook('preHandler', authenticate(deps));

  app.get('/api/sites', { schema: { response: { 200: SitesResponse } } }, async (request) => {
    return { sites: await listOperatorSites(deps, currentOperator(request)) };
  });

  app.get('/api/sites/:siteId/operators', { schema: { params: SiteIdParams, response: { 200: OperatorsResponse } } }, async (request) => {
    const { siteId } = siteOperator(request);
    const loads = await loadOperatorLoads(deps, siteId);
    return { operators: loads.map(({ languages: _languages, ...load }) => load) };
  });

  app.get('/api/sites/:siteId/queues', { schema: { params: SiteIdParams, response: { 200: QueuesResponse } } }, async (request) => {
    const { siteId } = siteOperator(request);
    return { queues: await loadQueueSummaries(deps, siteId) };
  });

  app.get('/api/sites/:siteId/config', { schema: { params: SiteIdParams, response: { 200: SiteConfigResponse } } }, async (request) => {
    const { operator, siteId } = siteOperator(request);
    const site = await loadSiteConfig(deps, operator, siteId);
    return { config: site.config, configVersion: site.configVersion };
  });

  app.put(
    '/api/sites/:siteId/config',
    { schema: { params: SiteIdParams, body: PutSiteConfigBody, response: { 200: SiteConfigResponse } } },
    async (request) => {
      const { operator, siteId } = siteOperator(request);
      const { config, configVersion } = request.body as PutSiteConfigBody;
      const saved = await saveSiteConfig(deps, operator, siteId, config, configVersion);
      return { config: saved.config, configVersion: saved.configVersion };
    },
  );

  // A credential: never cached, and few reads a minute even for an admin.
  const secretRoute = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  app.get(
    '/api/sites/:siteId/secret',
    { schema: { params: SiteIdParams, querystring: SecretKindQuery, response: { 200: SiteSecretResponse } }, config: secretRoute },
    async (request, reply) => {
      const { operator, siteId } = siteOperator(request);
      reply.header('cache-control', 'no-store');
      return { secret: await revealSiteSecret(deps, operator, siteId, (request.query as SecretKindQuery).kind) };
    },
  );

  app.post(
    '/api/sites/:siteId/secret/rotate',
    { schema: { params: SiteIdParams, querystring: SecretKindQuery, response: { 200: SiteSecretResponse } }, config: secretRoute },
    async (request, reply) => {
      const { operator, siteId } = siteOperator(request);
      reply.header('cache-control', 'no-store');
      return { secret: await rotateSiteSecret(deps, operator, siteId, (request.query as SecretKindQuery).kind) };
    },
  );

  app.get('/api/sites/:siteId/bot/api-key', { schema: { params: SiteIdParams, response: { 200: BotApiKeyResponse } } }, async (request) => {
    const { operator, siteId } = siteOperator(request);
    return botApiKeyStatus(deps, operator, siteId);
  });

  app.put(
    '/api/sites/:siteId/bot/api-key',
    { schema: { params: SiteIdParams, body: PutBotApiKeyBody, response: { 200: BotApiKeyResponse } }, config: secretRoute },
    async (request, reply) => {
      const { operator, siteId } = siteOperator(request);
      reply.header('cache-control', 'no-store');
      return setBotApiKey(deps, operator, siteId, (request.body as PutBotApiKeyBody).apiKey);
    },
  );

  app.post(
    '/api/sites/:siteId/bot/test-question',
    { schema: { params: SiteIdParams, body: TestQuestionBody, response: { 200: TestQuestionResponse } } },
    async (request) => {
      const { operator, siteId } = siteOperator(request);
      return testQuestion(deps, operator, siteId, request.body as TestQuestionBody);
    },
  );

  app.get(
    '/api/sites/:siteId/operator-profiles',
    { schema: { params: SiteIdParams, response: { 200: OperatorProfilesResponse } } },
    async (request) => {
      const { operator, siteId } = siteOperator(request);
      return { operators: await listOperatorProfiles(deps, operator, siteId) };
    },
  );

  app.patch(
    '/api/sites/:siteId/operators/:operatorId',
    { schema: { params: OperatorIdParams, body: UpdateOperatorBody, response: { 200: OperatorProfileResponse } } },
    async (request) => {
      const { operator, siteId } = siteOperator(request);
      const { operatorId } = request.params as { operatorId: string };
      const updated = await updateOperatorProfile(deps, operator, siteId, operatorId, request.body as UpdateOperatorBody);
      return { operator: updated };
    },
  );

  app.get('/api/callbacks', { schema: { response: { 200: CallbacksResponse } } }, async (request) => {
    return { callbacks: await listCallbacks(deps, currentOperator(request)) };
  });

  app.post(
    '/api/callbacks/:callbackId/done',
    { schema: { params: CallbackIdParams, response: { 200: CallbackDoneResponse } } },
    async (request) => {
      const operator = currentOperator(request);
      const { callbackId } = request.params as { callbackId: string };
      const done = await markCallbackDone(deps, operator, callbackId);
      if (!done) throw new CodedError('not_found', 'No callback with that id.');
      return { callback: toWireCallback(done) };
    },
  );

  app.put('/api/me/presence', { schema: { body: PresenceBody, response: { 200: PresenceResponse } } }, async (request) => {
    const operator = currentOperator(request);
    const { presence } = request.body as PresenceBody;
    await setPresence(deps, operator, presence, true);
    return { presence };
  });
}
