import pino from 'pino';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createFlowDeps } from './flows/create-deps';
import { startSweepers } from './flows/inactivity';
import { connectDatabase } from './store/database';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const log = pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.query.token'] });
  const { client, db } = await connectDatabase(config.mongodbUri, config.mongodbDb).catch((error: Error) => {
    log.fatal(`Cannot reach the database at MONGODB_URI: ${error.message}`);
    process.exit(1);
  });
  const deps = createFlowDeps(db, log, undefined, { publicUrl: config.publicUrl ?? null });
  await deps.store.ensureIndexes();
  const app = await buildApp({
    deps,
    logger: log,
    staticDir: config.staticDir,
    demoSiteKey: process.env.DEMO_SITE_KEY ?? 'demo',
    sessionTtlMs: config.sessionTtlMs,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
  });
  const stopSweeper = startSweepers(deps);
  app.addHook('onClose', async () => {
    stopSweeper();
    await client.close();
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

void main();
