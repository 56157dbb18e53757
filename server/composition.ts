import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import type { AgentBudget, Bot } from './bot/bot';
import { createBot } from './bot/create-bot';
import { type Hub, createInProcessHub } from './realtime/hub';
import { open } from './security/secret-box';
import { type Store, createStore } from './store';
import type { Site } from './entities/site';
import { createOutboundFetch } from './security/outbound-fetch';
import { type OutboundPolicy, STRICT_OUTBOUND_POLICY } from './security/outbound-url';
import { type WebhookSender, createWebhookSender } from './webhooks/webhook-sender';
import { loadExampleBank } from './meaning/example-bank';
import { createMeanings, type Meanings } from './meaning/meanings';
import { type BackoffPolicy, createEmbeddings, type EmbeddingsConfig } from './services/embeddings';
import { createOffEmbedder } from './services/embeddings/embedder';

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
  /** The key (BATON_SECRET_KEY) that seals site secrets at rest, such as an AI agent's API key; null when unset. */
  secretKey: Buffer | null;
  /** The semantic layer: turns' meanings from the embeddings service; absent or late means rules only. */
  meanings: Meanings;
  /** Which addresses outgoing calls (webhooks, bot) may reach: checked when a URL is saved and again when called. */
  outbound: OutboundPolicy;
}

export interface FlowDepsOptions {
  publicUrl?: string | null;
  webhookRetryDelaysMs?: number[];
  /** The EMBEDDINGS_* settings; without them (or without a URL) the rules decide alone. */
  embeddings?: EmbeddingsConfig;
  /** Tests shorten the embeddings service's back-off. */
  embeddingsBackoff?: BackoffPolicy;
  /** Private ranges and hosts outgoing calls may reach (OUTBOUND_ALLOW); none unless given. */
  outbound?: OutboundPolicy;
  /** The server passes the database bus hub (realtime/create-hub.ts); default: in-process, one instance. */
  hub?: Hub;
  /** BATON_SECRET_KEY, which seals secrets stored in the database (an AI agent's API key). */
  secretKey?: Buffer | null;
}

export function createFlowDeps(
  db: Db,
  log: FastifyBaseLogger,
  clock: Clock = { now: () => new Date() },
  options: FlowDepsOptions = {},
): FlowDeps {
  const store = createStore(db);
  const outbound = options.outbound ?? STRICT_OUTBOUND_POLICY;
  const outboundFetch = createOutboundFetch(outbound);
  const secretKey = options.secretKey ?? null;
  return {
    meanings: createLiveMeanings(log, options),
    webhooks: createWebhookSender({
      store,
      log,
      now: () => clock.now(),
      newId: randomUUID,
      fetch: outboundFetch,
      publicUrl: options.publicUrl ?? null,
      ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    }),
    store,
    hub: options.hub ?? createInProcessHub(),
    clock,
    newId: randomUUID,
    log,
    botFor: botCache(outboundFetch, secretKey, agentBudget(store, clock)),
    inFlightBots: new Map(),
    outbound,
    secretKey,
  };
}

/** Requests and tokens per site and UTC day, in the database so every server counts against one budget. */
function agentBudget(store: Store, clock: Clock): AgentBudget {
  const today = () => clock.now().toISOString().slice(0, 10);
  return {
    async exceeded(siteId, limits) {
      const used = await store.llmUsage.today(siteId, today());
      if (used.requests >= limits.requestsPerDay) return `The AI agent's daily request budget (${limits.requestsPerDay}) is used up; it resets at 00:00 UTC.`;
      if (used.tokens >= limits.tokensPerDay) return `The AI agent's daily token budget (${limits.tokensPerDay}) is used up; it resets at 00:00 UTC.`;
      return null;
    },
    record: (siteId, requests, tokens) => store.llmUsage.add(siteId, today(), requests, tokens),
  };
}

/**
 * One bot per site configuration version: the knowledge-base index is built once, not per message.
 * The secret is part of the key because rotating it leaves the version alone but must re-sign at once.
 */
function botCache(outboundFetch: typeof fetch, secretKey: Buffer | null, budget: AgentBudget): FlowDeps['botFor'] {
  const bots = new Map<string, ReturnType<typeof createBot>>();
  return (site) => {
    // The sealed key's tag changes with every new key, so setting one builds a new bot.
    const key = `${site._id}:${site.configVersion}:${site.secret}:${site.botApiKey?.tag ?? ''}`;
    let bot = bots.get(key);
    if (!bot) {
      if (bots.size > 500) bots.clear();
      const apiKey = site.botApiKey && secretKey ? open(secretKey, site.botApiKey) : null;
      bot = createBot(site.config.bot, { siteSecret: site.secret, apiKey, budget, fetch: outboundFetch }, { queues: site.config.queues.map((q) => q.id) });
      bots.set(key, bot);
    }
    return bot;
  };
}

function createLiveMeanings(log: FastifyBaseLogger, options: FlowDepsOptions): Meanings {
  const config = options.embeddings;
  if (!config || config.baseUrl === null) {
    const off = createOffEmbedder(config?.model ?? 'none');
    return createMeanings({ embeddings: { ...off, embedMany: async () => null }, log, loadBank: () => [], liveDeadlineMs: 0 });
  }
  const embeddings = createEmbeddings(config, { log, ...(options.embeddingsBackoff ? { backoff: options.embeddingsBackoff } : {}) });
  return createMeanings({ embeddings, log, loadBank: () => loadExampleBank(), liveDeadlineMs: config.timeoutMs });
}
