// The server the end-to-end tests drive: a fresh e2e database (never the demo's), seeded demo data.
import { buildApp } from '../server/app';
import { createLogger } from '../server/security/log-redaction';
import { createFlowDeps } from '../server/composition';
import { parseOutboundAllow } from '../server/security/outbound-url';
import { e2eSecretKey } from './e2e-secret-key';
import { demoOrigins, seedDemo } from '../server/seed/seed-demo';
import { loadEmbeddingsConfig } from '../server/services/embeddings';
import { connectDatabase } from '../server/store/database';

const uri = process.env.MONGODB_URI;
if (!uri) throw new Error('MONGODB_URI is not set: run end-to-end tests with `npm run test:e2e`.');
const { db } = await connectDatabase(uri, process.env.E2E_DB ?? 'baton_e2e');
// E2E_KEEP_DB: a restart in the middle of a journey keeps its data, as a real restart would.
if (!process.env.E2E_KEEP_DB) await db.dropDatabase();
const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
// The journeys' webhook receivers listen on loopback: allowed here explicitly, as OUTBOUND_ALLOW would.
// A fixed test key unless one is given, so a restart mid-journey (and a journey sealing an API key) can open what is sealed.
const deps = createFlowDeps(db, log, undefined, {
  embeddings: loadEmbeddingsConfig(process.env),
  outbound: parseOutboundAllow(process.env.OUTBOUND_ALLOW ?? '127.0.0.1,::1'),
  secretKey: e2eSecretKey(),
  // The journeys patch the demo site in the database directly (e2e/support/db.ts), which no
  // config-changed event announces: every read goes to the database.
  siteCacheMs: 0,
});
await deps.store.ensureIndexes();
// E2E_EMPTY: a journey that starts from an empty database (the first hour) seeds nothing.
if (!process.env.E2E_EMPTY) await seedDemo(deps.store, new Date(), { origins: demoOrigins(Number(process.env.PORT ?? 3917)) });
const app = await buildApp({
  deps,
  logger: log,
  staticDir: 'dist/public',
  demoSiteKey: 'demo',
  sessionTtlMs: 3600_000,
  cookieSecure: false,
  ...(process.env.PUBLIC_URL ? { publicUrl: process.env.PUBLIC_URL } : {}),
});
await app.listen({ port: Number(process.env.PORT ?? 3917), host: '127.0.0.1' });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
