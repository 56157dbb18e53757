// The server the end-to-end tests drive: a fresh e2e database (never the demo's), seeded demo data.
import { createHash } from 'node:crypto';
import pino from 'pino';
import { buildApp } from '../server/app';
import { createFlowDeps } from '../server/composition';
import { parseSecretKey } from '../server/security/secret-box';
import { seedDemo } from '../server/seed/seed-demo';
import { connectDatabase } from '../server/store/database';

const uri = process.env.MONGODB_URI;
if (!uri) throw new Error('MONGODB_URI is not set: run end-to-end tests with `npm run test:e2e`.');
const { db } = await connectDatabase(uri, process.env.E2E_DB ?? 'baton_e2e');
// E2E_KEEP_DB: a restart in the middle of a journey keeps its data, as a real restart would.
if (!process.env.E2E_KEEP_DB) await db.dropDatabase();
const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
// A fixed test key unless one is given, so a restart mid-journey still opens what it sealed.
const secretKey = parseSecretKey(process.env.BATON_SECRET_KEY) ?? createHash('sha256').update('baton-e2e-only').digest();
const deps = createFlowDeps(db, log, undefined, { secretKey });
await deps.store.ensureIndexes();
await seedDemo(deps.store);
const app = await buildApp({ deps, logger: log, staticDir: 'dist/public', demoSiteKey: 'demo', sessionTtlMs: 3600_000, cookieSecure: false });
await app.listen({ port: Number(process.env.PORT ?? 3917), host: '127.0.0.1' });
const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
