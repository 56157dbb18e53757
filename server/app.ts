import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { errorMessages } from '../shared/errors';
import { MAX_FRAME_BYTES } from '../shared/protocol-version';
import type { FlowDeps } from './composition';
import type { TrustProxy } from './security/trust-proxy';
import { attachmentRoutes } from './transport/http/attachment-routes';
import { authRoutes } from './transport/http/auth-routes';
import { conversationRoutes } from './transport/http/conversation-routes';
import { installErrorHandler } from './transport/error-handler';
import { healthRoutes } from './transport/http/health';
import { insightsRoutes } from './transport/http/insights-routes';
import { metricsRoute } from './transport/http/metrics-route';
import { probeRoutes } from './transport/http/probes';
import { checkDatabase } from './flows/admin/health-check';
import { stopBotTurns } from './flows/handoff/bot-turn';
import { createLifecycle, type Lifecycle } from './lifecycle';
import { securityHeaders } from './transport/http/security-headers';
import { operatorSocketRoutes } from './transport/sockets/operator-socket';
import { visitorDataRoutes } from './transport/http/visitor-data-routes';
import { siteRoutes } from './transport/http/site-routes';
import { teamRoutes } from './transport/http/team-routes';
import { staticRoutes } from './transport/http/static-routes';
import { visitorSocketRoutes } from './transport/sockets/visitor-socket';
import type { VisitorPresenceOptions } from './transport/sockets/visitor-presence';
import { widgetRoutes } from './transport/http/widget-routes';
import { type OverloadLimits, createOverloadGuard, defaultOverloadLimits } from './transport/overload';
import { useZodSchemas } from './transport/zod-compilers';
import { apiDocs } from './transport/http/api-docs';
import packageJson from '../package.json' with { type: 'json' };

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
  /** Hops or proxy addresses whose X-Forwarded-For is believed (TRUST_PROXY); never `true`, or a client could pick its own address. */
  trustProxy?: TrustProxy;
  /** How often an operator socket re-reads its session and sites; tests shorten it. */
  operatorSessionCheckMs?: number;
  /** When new work is refused as `overloaded`; tests tighten it. */
  overload?: Partial<OverloadLimits>;
  /** Frames one visitor socket may have waiting before more are refused as `busy`. */
  socketQueueLimit?: number;
  /** main.ts passes its own (starting → serving → draining); without one the app serves at once. */
  lifecycle?: Lifecycle;
  /** PUBLIC_URL: the base of invite links (without it, the address the inbox was opened on). */
  publicUrl?: string;
  /** HSTS on every response: only when PUBLIC_URL is https. */
  hsts?: boolean;
  /** Serves GET /metrics to this bearer token; null or absent: not served (404). */
  metricsToken?: string | null;
  /** How long a new socket may stay silent before its hello; tests shorten it. */
  helloDeadlineMs?: number;
  /** How long after a visitor's last tab closes they count as gone (tests shorten it). */
  visitorLeftGraceMs?: number;
  /** This instance's id and the beat its visitors' socket counts are renewed on (several instances share them). */
  visitorPresence?: Omit<VisitorPresenceOptions, 'graceMs'>;
  /** HTTP timeouts (ms); tests shorten them. */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** How long a closed inbox waits before "away" and "offline"; tests shorten it. */
  presenceDelays?: { awayMs: number; offlineMs: number };
}

export interface HttpTimeouts {
  /** The request line and headers must arrive within this (slow-loris). */
  headersMs: number;
  /** The whole request, body included. */
  requestMs: number;
  /** A connection with no traffic at all is closed after this; an upgraded socket has its own keep-alive instead. */
  idleMs: number;
  /** An idle keep-alive connection between requests; above common load balancers' 60 s. */
  keepAliveMs: number;
}

/** How long a closing instance waits for stopped bot answers to store what the visitor saw (the shutdown timeout bounds it too). */
const BOT_TURNS_STOP_MS = 5_000;
const HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000, idleMs: 120_000, keepAliveMs: 72_000 };

/** node:http checks the headers and request deadlines on a timer; this is how often (its default is 30 s). */
function serverWithTimeouts(t: HttpTimeouts) {
  return (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
    const server = createServer(
      {
        headersTimeout: t.headersMs,
        requestTimeout: t.requestMs,
        keepAliveTimeout: t.keepAliveMs,
        connectionsCheckingInterval: Math.min(1_000, t.headersMs),
      },
      handler,
    );
    server.setTimeout(t.idleMs);
    return server;
  };
}

/** A hop count as the function Fastify runs per X-Forwarded-For entry (its types omit the number form). */
function toFastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

/** Builds the app without listening: main.ts listens, tests inject or listen on port 0. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: 256 * 1024,
    trustProxy: toFastifyTrustProxy(options.trustProxy ?? false),
    serverFactory: serverWithTimeouts({ ...HTTP_TIMEOUTS, ...options.httpTimeouts }),
  });
  useZodSchemas(app);
  installErrorHandler(app);
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.http(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
  // Called, not registered: its hooks must reach every route, not an encapsulated child.
  await securityHeaders(app, { hsts: options.hsts ?? false });
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
    pressureHandler: (request, reply) => {
      // A busy instance is alive: liveness must not get it restarted (/readyz may say 503 and shed traffic).
      if (request.url.startsWith('/livez')) return;
      reply
        .status(503)
        .header('retry-after', Math.ceil(overload.limits.retryAfterMs / 1000))
        .send({ code: 'overloaded', message: errorMessages.overloaded, retryAfterMs: overload.limits.retryAfterMs });
    },
  });
  // In the background: until the example bank is ready, turns are judged by the rules alone.
  deps.meanings.start();
  await apiDocs(app, { version: packageJson.version });
  await app.register(healthRoutes, { deps });
  await app.register(probeRoutes, { lifecycle: options.lifecycle ?? createLifecycle('serving'), checkDatabase: () => checkDatabase(deps) });
  await app.register(authRoutes, { deps, sessionTtlMs: options.sessionTtlMs, cookieSecure: options.cookieSecure });
  await app.register(conversationRoutes, { deps });
  await app.register(siteRoutes, { deps });
  await app.register(insightsRoutes, { deps });
  if (options.metricsToken) await app.register(metricsRoute, { metrics: deps.metrics, token: options.metricsToken });
  await app.register(teamRoutes, { deps, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) });
  await app.register(visitorDataRoutes, { deps });
  await app.register(visitorSocketRoutes, {
    deps,
    overload,
    helloDeadlineMs: options.helloDeadlineMs,
    presence: { ...options.visitorPresence, ...(options.visitorLeftGraceMs === undefined ? {} : { graceMs: options.visitorLeftGraceMs }) },
    ...(options.socketQueueLimit ? { queueLimit: options.socketQueueLimit } : {}),
  });
  await app.register(widgetRoutes, { deps });
  await app.register(attachmentRoutes, { deps });
  await app.register(operatorSocketRoutes, {
    deps,
    sessionCheckMs: options.operatorSessionCheckMs,
    helloDeadlineMs: options.helloDeadlineMs,
    presenceDelays: options.presenceDelays,
  });
  await app.register(staticRoutes, { staticDir: options.staticDir, demoSiteKey: options.demoSiteKey });

  // Graceful close: sockets get 1001 (going away) so clients reconnect to another instance.
  app.addHook('preClose', async () => {
    for (const client of app.websocketServer?.clients ?? []) client.close(1001, 'server_shutdown');
    await stopBotTurns(deps, BOT_TURNS_STOP_MS);
    // The stopped answers' stamps too: written while the database client is still open.
    await deps.store.conversations.flushStamps();
  });
  app.addHook('onClose', async () => {
    // Stamps of answers that finished after preClose's flush (the database client is still open here).
    await deps.store.conversations.flushStamps();
    deps.meanings.close();
    await deps.webhooks.close();
    await deps.hub.close();
  });
  return app;
}
