import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type CommandStartedEvent, type Db, MongoClient } from 'mongodb';
import pino from 'pino';
import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';
import { type AppOptions, buildApp, type HttpTimeouts } from '../app';
import { hashPassword } from '../security/passwords';
import { type Clock, type FlowDeps, type FlowDepsOptions, createFlowDeps } from '../composition';
import type { TrustProxy } from '../security/trust-proxy';
import { LOOPBACK_RECEIVERS } from './outbound';
import { type BusHub, createBusHub } from '../realtime/bus-hub';

/** A real app on a real port over a fresh database of the test server; nothing is mocked. */
export interface Harness {
  app: FastifyInstance;
  deps: FlowDeps;
  db: Db;
  /** Starts counting the database commands this app sends (the driver's command monitoring); the result stops it. */
  countCommands(): { names(): string[]; stop(): void };
  baseUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** What startHarness adds for tests of several instances. */
export interface InstanceHarness extends Harness {
  /** The bus hub when started with `eventBus`. */
  bus: BusHub | null;
  /**
   * Dies as a killed process would: sockets cut without a close frame, no goodbye on the bus,
   * its operators' heartbeats left to go stale, nothing written on the way out. The database is left alone.
   */
  kill(): Promise<void>;
}

export function testDatabaseUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run integration tests with `npm run test:integration`.');
  return uri;
}

export interface HarnessOptions {
  clock?: Clock;
  /** Share another harness's database, as a second server instance would. */
  databaseName?: string;
  /** A short session re-check, so tests of it need not wait 10 s. */
  operatorSessionCheckMs?: number;
  flowOptions?: FlowDepsOptions;
  log?: pino.Logger;
  /** Run with the database event bus (several instances) instead of the in-process hub. */
  eventBus?: { instanceId: string; heartbeatMs?: number; staleAfterMs?: number };
  /** How long a closed inbox waits before "away" and "offline" (default 30 s / 5 min). */
  presenceDelays?: { awayMs: number; offlineMs: number };
  /** How long after a visitor's last socket closes they count as gone (default 8 s). */
  visitorLeftGraceMs?: number;
  /** Leave the database on close (other instances still use it). */
  keepDatabase?: boolean;
  helloDeadlineMs?: number;
  httpTimeouts?: Partial<HttpTimeouts>;
  trustProxy?: TrustProxy;
  hsts?: boolean;
  /** When new work is refused as `overloaded`; tests tighten it. */
  overload?: AppOptions['overload'];
  /** Frames one visitor socket may have waiting before more are refused as `busy`. */
  socketQueueLimit?: number;
  /** Serves /metrics behind this bearer token. */
  metricsToken?: string | null;
}

export async function startHarness(options: HarnessOptions = {}): Promise<InstanceHarness> {
  const client = new MongoClient(testDatabaseUri(), { serverSelectionTimeoutMS: 5000, monitorCommands: true });
  await client.connect();
  const db = client.db(options.databaseName ?? `baton_test_${randomUUID().slice(0, 8)}`);
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const bus = options.eventBus
    ? createBusHub(db, { ...options.eventBus, onError: (err, where) => log.error({ err, where }, 'event bus error') })
    : null;
  // The tests' receivers listen on loopback: allowed explicitly, never by turning the guard off.
  const deps = createFlowDeps(db, log, options.clock, {
    outbound: LOOPBACK_RECEIVERS,
    secretKey: randomBytes(32),
    ...options.flowOptions,
    ...(bus ? { hub: bus } : {}),
  });
  await deps.store.ensureIndexes();
  await bus?.start();
  const app = await buildApp({
    deps,
    logger: log,
    staticDir: 'dist/public',
    demoSiteKey: 'demo',
    sessionTtlMs: 3600_000,
    cookieSecure: false,
    operatorSessionCheckMs: options.operatorSessionCheckMs,
    overload: options.overload,
    socketQueueLimit: options.socketQueueLimit,
    helloDeadlineMs: options.helloDeadlineMs,
    httpTimeouts: options.httpTimeouts,
    trustProxy: options.trustProxy,
    hsts: options.hsts,
    presenceDelays: options.presenceDelays,
    metricsToken: options.metricsToken ?? null,
    visitorLeftGraceMs: options.visitorLeftGraceMs,
    ...(options.eventBus ? { visitorPresence: options.eventBus } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    deps,
    db,
    countCommands() {
      const seen: string[] = [];
      const listener = (e: CommandStartedEvent) => {
        if (e.databaseName === db.databaseName) seen.push(`${e.commandName} ${String(e.command[e.commandName])}`);
      };
      client.on('commandStarted', listener);
      return { names: () => [...seen], stop: () => client.off('commandStarted', listener) };
    },
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    bus,
    async close() {
      await app.close();
      if (!options.keepDatabase) await db.dropDatabase().catch(() => {});
      await client.close();
    },
    async kill() {
      await bus?.vanish();
      for (const socket of app.websocketServer?.clients ?? []) socket.terminate();
      app.server.closeAllConnections();
      // The database connection goes first: a killed process writes nothing on its way out
      // (no stamps flushed, no answers stored), so what its close hooks try fails harmlessly.
      await client.close(true);
      await app.close().catch(() => {});
    },
  };
}

export async function seedSite(
  h: Harness,
  site: { siteId: string; siteKey: string; secret?: string; config?: SiteConfigInput },
): Promise<void> {
  await h.deps.store.sites.upsert({
    _id: site.siteId,
    siteKey: site.siteKey,
    name: site.siteId,
    secret: site.secret ?? 'test-secret',
    config: SiteConfig.parse(site.config ?? {}),
    configVersion: 1,
    updatedAt: new Date(),
  });
}

export async function seedOperator(
  h: Harness,
  op: {
    operatorId: string;
    email: string;
    name: string;
    siteIds: string[];
    role?: 'operator' | 'admin';
    capacity?: number;
    password?: string;
  },
): Promise<void> {
  await h.deps.store.operators.upsert({
    _id: op.operatorId,
    email: op.email.toLowerCase(),
    name: op.name,
    passwordHash: await hashPassword(op.password ?? 'pw'),
    role: op.role ?? 'operator',
    siteIds: op.siteIds,
    capacity: op.capacity ?? 5,
    languages: ['en'],
    skills: [],
    presence: 'online',
    presenceByChoice: false,
    presenceChangedAt: new Date(),
  });
}
