import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { type Db, MongoClient } from 'mongodb';
import pino from 'pino';
import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';
import { buildApp } from '../app';
import { hashPassword } from '../security/passwords';
import { type Clock, type FlowDeps, type FlowDepsOptions, createFlowDeps } from '../composition';

/** A real app on a real port over a fresh database of the test server; nothing is mocked. */
export interface Harness {
  app: FastifyInstance;
  deps: FlowDeps;
  db: Db;
  baseUrl: string;
  wsUrl: string;
  close(): Promise<void>;
}

export function testDatabaseUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run integration tests with `npm run test:integration`.');
  return uri;
}

/**
 * `databaseName`: share another harness's database, as a second server instance would.
 * `operatorSessionCheckMs`: a short session re-check, so tests of it need not wait 10 s.
 */
export async function startHarness(
  options: { clock?: Clock; databaseName?: string; operatorSessionCheckMs?: number; flowOptions?: FlowDepsOptions; log?: pino.Logger } = {},
): Promise<Harness> {
  const client = new MongoClient(testDatabaseUri(), { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  const db = client.db(options.databaseName ?? `baton_test_${randomUUID().slice(0, 8)}`);
  const log = options.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const deps = createFlowDeps(db, log, options.clock, { secretKey: randomBytes(32), ...options.flowOptions });
  await deps.store.ensureIndexes();
  const app = await buildApp({
    deps,
    logger: log,
    staticDir: 'dist/public',
    demoSiteKey: 'demo',
    sessionTtlMs: 3600_000,
    cookieSecure: false,
    operatorSessionCheckMs: options.operatorSessionCheckMs,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    deps,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await db.dropDatabase().catch(() => {});
      await client.close();
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
  op: { operatorId: string; email: string; name: string; siteIds: string[]; role?: 'operator' | 'admin'; capacity?: number; password?: string },
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
