import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import { createBot } from '../bot/bot';
import { createInProcessHub } from '../realtime/hub';
import { createStore } from '../store';
import { createWebhookSender } from '../webhooks/webhook-sender';
import type { Clock, FlowDeps } from './deps';

export function createFlowDeps(
  db: Db,
  log: FastifyBaseLogger,
  clock: Clock = { now: () => new Date() },
  options: { publicUrl?: string | null; webhookRetryDelaysMs?: number[] } = {},
): FlowDeps {
  return {
    webhooks: createWebhookSender({
      log,
      now: () => clock.now(),
      newId: randomUUID,
      publicUrl: options.publicUrl ?? null,
      ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    }),
    store: createStore(db),
    hub: createInProcessHub(),
    clock,
    newId: randomUUID,
    log,
    botFor: (site) => createBot(site.config.bot, { siteSecret: site.secret }),
    inFlightBots: new Map(),
  };
}
