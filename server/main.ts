import { buildApp } from './app';
import { createLogger } from './security/log-redaction';
import { type AppConfig, loadConfig } from './config';
import { createFlowDeps } from './composition';
import { createSmtpMailer } from './services/mail/mailer';
import { startSweepers } from './jobs/sweepers';
import { describeStartupFailure, type StartupStep } from './startup-failure';
import { createLifecycle } from './lifecycle';
import { createHub, newInstanceId } from './realtime/create-hub';
import { connectDatabase } from './store/database';

/** Start-up failures are the operator's to fix: one line naming what to change, exit 1, no stack. */
function failStartup(config: AppConfig, step: StartupStep, error: unknown): never {
  console.error(`error: ${describeStartupFailure(step, error, config)}`);
  if (config.logLevel === 'debug' || config.logLevel === 'trace') console.error(error);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const lifecycle = createLifecycle('starting');
  const log = createLogger(config.logLevel);
  const { client, db } = await connectDatabase(config.mongodbUri, config.mongodbDb).catch((error) => failStartup(config, 'connect', error));
  const instanceId = newInstanceId();
  const hub = createHub(db, log, { mode: config.eventBus, instanceId });
  const deps = createFlowDeps(db, log, undefined, {
    publicUrl: config.publicUrl ?? null,
    embeddings: config.embeddings,
    outbound: config.outbound,
    hub,
    secretKey: config.secretKey,
    mailer: config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : null,
  });
  await deps.store.ensureIndexes().catch((error) => failStartup(config, 'indexes', error));
  await hub.start().catch((error) => failStartup(config, 'event_bus', error));
  const app = await buildApp({
    deps,
    logger: log,
    staticDir: config.staticDir,
    demoSiteKey: config.demoSiteKey,
    sessionTtlMs: config.sessionTtlMs,
    cookieSecure: config.cookieSecure,
    trustProxy: config.trustProxy,
    lifecycle,
    hsts: config.publicUrl?.startsWith('https:') ?? false,
    metricsToken: config.metricsToken,
    visitorPresence: { instanceId },
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  let stopSweepers = async () => {};
  app.addHook('onClose', async () => {
    // Releases the sweeps lease: another instance takes the sweeps over at once.
    await stopSweepers();
    // Before the client closes: an attempt in flight still records its outcome.
    await deps.webhooks.close();
    // Also before it: the last events go out and the others hear this instance's operators left.
    await deps.hub.close();
    await deps.store.conversations.flushStamps();
    await client.close();
    deps.mailer?.close();
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    lifecycle.draining();
    log.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down');
    // Still serving while /readyz says draining, so load balancers take this instance out first.
    setTimeout(() => {
      // A close that hangs (a socket, a webhook, the driver) must not keep the process alive.
      setTimeout(() => {
        log.error({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutdown took longer than SHUTDOWN_TIMEOUT_MS: exiting anyway');
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
      app.close().then(
        () => process.exit(0),
        (error) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    }, config.shutdownDrainMs);
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host }).catch((error) => failStartup(config, 'listen', error));
  // Only once listening: a server that failed to start must not sweep conversations.
  stopSweepers = await startSweepers(deps, { instanceId });
  lifecycle.serving();
}

main().catch((error: unknown) => {
  console.error(`error: Baton could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
