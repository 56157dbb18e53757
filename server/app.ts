import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { MAX_FRAME_BYTES } from '../shared/protocol-version';
import type { FlowDeps } from './composition';
import { authRoutes } from './transport/http/auth-routes';
import { conversationRoutes } from './transport/http/conversation-routes';
import { installErrorHandler } from './transport/error-handler';
import { healthRoutes } from './transport/http/health';
import { probeRoutes } from './transport/http/probes';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { operatorSocketRoutes } from './transport/sockets/operator-socket';
import { siteRoutes } from './transport/http/site-routes';
import { staticRoutes } from './transport/http/static-routes';
import { visitorSocketRoutes } from './transport/sockets/visitor-socket';
import { widgetRoutes } from './transport/http/widget-routes';
import { useZodSchemas } from './transport/zod-compilers';

export interface AppOptions {
  deps: FlowDeps;
  logger: FastifyBaseLogger;
  staticDir: string;
  demoSiteKey: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  /** Only behind a proxy that sets X-Forwarded-For: otherwise a client could pick its own address. */
  trustProxy?: boolean;
  /** How often an operator socket re-reads its session and sites; tests shorten it. */
  operatorSessionCheckMs?: number;
  /** main.ts passes its own (starting → serving → draining); without one the app serves at once. */
  lifecycle?: Lifecycle;
}

/** Builds the app without listening: main.ts listens, tests inject or listen on port 0. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: options.logger, bodyLimit: 256 * 1024, trustProxy: options.trustProxy ?? false });
  useZodSchemas(app);
  installErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: true, max: 600, timeWindow: '1 minute' });
  // The hard cap closes the socket (1009); frames between MAX_FRAME_BYTES and it get an error frame.
  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_FRAME_BYTES * 4 } });

  const { deps } = options;
  // In the background: until the example bank is ready, turns are judged by the rules alone.
  deps.meanings.start();
  await app.register(healthRoutes, { deps });
  await app.register(probeRoutes, { lifecycle: options.lifecycle ?? createLifecycle('serving'), ping: () => deps.store.ping() });
  await app.register(authRoutes, { deps, sessionTtlMs: options.sessionTtlMs, cookieSecure: options.cookieSecure });
  await app.register(conversationRoutes, { deps });
  await app.register(siteRoutes, { deps });
  await app.register(visitorSocketRoutes, { deps });
  await app.register(widgetRoutes, { deps });
  await app.register(operatorSocketRoutes, { deps, sessionCheckMs: options.operatorSessionCheckMs });
  await app.register(staticRoutes, { staticDir: options.staticDir, demoSiteKey: options.demoSiteKey });

  // Graceful close: sockets get 1001 (going away) so clients reconnect to another instance.
  app.addHook('preClose', async () => {
    for (const bot of deps.inFlightBots.values()) bot.abort();
    for (const client of app.websocketServer?.clients ?? []) client.close(1001, 'server_shutdown');
  });
  app.addHook('onClose', async () => {
    deps.meanings.close();
    await deps.webhooks.close();
  });
  return app;
}
