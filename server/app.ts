import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { errorMessages } from '../shared/errors';
import { MAX_FRAME_BYTES } from '../shared/protocol-version';
import type { FlowDeps } from './composition';
import { authRoutes } from './transport/http/auth-routes';
import { conversationRoutes } from './transport/http/conversation-routes';
import { installErrorHandler } from './transport/error-handler';
import { healthRoutes } from './transport/http/health';
import { operatorSocketRoutes } from './transport/sockets/operator-socket';
import { siteRoutes } from './transport/http/site-routes';
import { staticRoutes } from './transport/http/static-routes';
import { visitorSocketRoutes } from './transport/sockets/visitor-socket';
import { widgetRoutes } from './transport/http/widget-routes';
import { type OverloadLimits, createOverloadGuard, defaultOverloadLimits } from './transport/overload';
import { useZodSchemas } from './transport/zod-compilers';

declare module 'fastify' {
  interface FastifyInstance {
    overloadLimits: OverloadLimits;
  }
}

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
  /** When new work is refused as `overloaded`; tests tighten it. */
  overload?: Partial<OverloadLimits>;
  /** Frames one visitor socket may have waiting before more are refused as `busy`. */
  socketQueueLimit?: number;
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
  const overload = createOverloadGuard(deps.dbInFlight, { ...defaultOverloadLimits, ...options.overload });
  app.addHook('onClose', async () => overload.close());
  // Read on every check, so a test can tighten the limits of a running app.
  app.decorate('overloadLimits', overload.limits);
  // Requests and socket upgrades are refused early (503 + Retry-After, a coded body) while the event
  // loop or the database is behind; socket frames get the same judgement in the socket handlers.
  await app.register(underPressure, {
    maxEventLoopDelay: overload.limits.maxEventLoopDelayMs * 2,
    healthCheck: async () => deps.dbInFlight() <= overload.limits.maxInFlightCommands,
    healthCheckInterval: 500,
    retryAfter: Math.ceil(overload.limits.retryAfterMs / 1000),
    pressureHandler: (_request, reply) => {
      reply
        .status(503)
        .header('retry-after', Math.ceil(overload.limits.retryAfterMs / 1000))
        .send({ code: 'overloaded', message: errorMessages.overloaded, retryAfterMs: overload.limits.retryAfterMs });
    },
  });
  // In the background: until the example bank is ready, turns are judged by the rules alone.
  deps.meanings.start();
  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps, sessionTtlMs: options.sessionTtlMs, cookieSecure: options.cookieSecure });
  await app.register(conversationRoutes, { deps });
  await app.register(siteRoutes, { deps });
  await app.register(visitorSocketRoutes, { deps, overload, ...(options.socketQueueLimit ? { queueLimit: options.socketQueueLimit } : {}) });
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
