import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import type { Bot } from './bot/bot';
import { createBot } from './bot/create-bot';
import { type Hub, createInProcessHub } from './realtime/hub';
import { type Store, createStore } from './store';
import type { Site } from './entities/site';
import { type WebhookSender, createWebhookSender } from './webhooks/webhook-sender';

export interface Clock {
  now(): Date;
}

/** Everything a flow may touch: the composition root builds it once in main.ts (or per test). */
export interface FlowDeps {
  store: Store;
  hub: Hub;
  clock: Clock;
  newId(): string;
  log: FastifyBaseLogger;
  botFor(site: Site): Bot;
  /** The site's outgoing handoff webhook; never blocks the flow that notifies it. */
  webhooks: WebhookSender;
  /** Bot replies in flight, per conversation, so a barge-in can stop them at once. */
  inFlightBots: Map<string, AbortController>;
}

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
