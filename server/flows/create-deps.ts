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
  const store = createStore(db);
  return {
    webhooks: createWebhookSender({
      store,
      log,
      now: () => clock.now(),
      newId: randomUUID,
      publicUrl: options.publicUrl ?? null,
      ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    }),
    store,
    hub: createInProcessHub(),
    clock,
    newId: randomUUID,
    log,
    botFor: botCache(),
    inFlightBots: new Map(),
  };
}

/**
 * One bot per site configuration version: the knowledge-base index is built once, not per message.
 * The secret is part of the key because rotating it leaves the version alone but must re-sign at once.
 */
function botCache(): FlowDeps['botFor'] {
  const bots = new Map<string, ReturnType<typeof createBot>>();
  return (site) => {
    const key = `${site._id}:${site.configVersion}:${site.secret}`;
    let bot = bots.get(key);
    if (!bot) {
      if (bots.size > 500) bots.clear();
      bot = createBot(site.config.bot, { siteSecret: site.secret });
      bots.set(key, bot);
    }
    return bot;
  };
}
