import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from 'mongodb';
import type { AgentBudget, Bot } from './bot/bot';
import { createBot } from './bot/create-bot';
import { type Hub, createInProcessHub } from './realtime/hub';
import { open } from './security/secret-box';
import type { Mailer } from './services/mail/mailer';
import { webhookSecretOf } from './security/standard-webhooks';
import { type Store, createStore } from './store';
import { trackInFlightCommands } from './store/in-flight';
import { createMetrics, type Metrics, registerScrapeGauges } from './observability/metrics';
import { type MessageWindows, createMessageWindows } from './store/message-windows';
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
  /** Bot turns still running, aborted or not: a closing instance waits for them to write what they hold. */
  runningBotTurns: Set<Promise<void>>;
  /** The recent messages and next seq of the conversations this instance serves (no read per message). */
  messageWindows: MessageWindows;
  /** Database commands sent and not yet answered by this instance (store/in-flight.ts). */
  dbInFlight(): number;
  /** Each visitor's conversation, once this instance has seen it: it never changes once made. */
  visitorConversations: BoundedMap<string, string>;
  /** The key (BATON_SECRET_KEY) that seals site secrets at rest, such as an AI agent's API key; null when unset. */
  secretKey: Buffer | null;
  /** The semantic layer: turns' meanings from the embeddings service; absent or late means rules only. */
  meanings: Meanings;
  /** Which addresses outgoing calls (webhooks, bot) may reach: checked when a URL is saved and again when called. */
  outbound: OutboundPolicy;
  /** Prometheus metrics of this instance (observability/metrics.ts), served by GET /metrics when enabled. */
  metrics: Metrics;
  /** Sends invites by email when SMTP_URL is set; null: invites are links to copy. */
  mailer: Mailer | null;
}

/** A Map that forgets its oldest entry beyond `max`: per-instance memory stays bounded. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }
  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.max) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
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
  /**
   * How long a site document is served from this instance's cache (default 60 s, a bound for a lost
   * config-changed event). 0 turns the cache off: the end-to-end tests patch sites in the database
   * behind the server's back.
   */
  siteCacheMs?: number;
  /** SMTP_URL's mailer (services/mail); none by default. */
  mailer?: Mailer | null;
}

export function createFlowDeps(
  db: Db,
  log: FastifyBaseLogger,
  clock: Clock = { now: () => new Date() },
  options: FlowDepsOptions = {},
): FlowDeps {
  const store = createStore(db, {
    ...(options.siteCacheMs === undefined ? {} : { siteCacheMs: options.siteCacheMs }),
    conversations: {
      onStampsError: (error, given) =>
        log.warn({ err: error, given }, 'conversation stamps not written; kept for the next write unless given up'),
    },
  });
  const hub = options.hub ?? createInProcessHub();
  // A site saved on any instance reaches every instance's cache through the hub (the bus carries it across).
  hub.onConfigChanged((siteId, configVersion) => store.sites.invalidate(siteId, configVersion));
  hub.onConversationChanged((c) =>
    store.conversations.announced({ conversationId: c.conversationId, state: c.state, version: c.version, lastSeq: c.lastSeq }),
  );
  const outbound = options.outbound ?? STRICT_OUTBOUND_POLICY;
  const outboundFetch = createOutboundFetch(outbound);
  const secretKey = options.secretKey ?? null;
  const meanings = createLiveMeanings(log, options);
  const metrics = createMetrics();
  db.client.on('commandFailed', (e) => metrics.dbError(e.commandName));
  registerScrapeGauges(metrics, {
    connectedOperators: () => hub.connectedOperators().size,
    queues: () => waitingQueues(store, clock),
    webhookDeliveries: () => store.webhookDeliveries.countByStatus(),
    embeddingsDegraded: () => (meanings.status().state === 'degraded' ? 1 : 0),
  });
  return {
    metrics,
    meanings,
    webhooks: createWebhookSender({
      // Past the site cache: a retry may come a minute after a secret rotation on another instance.
      store: { ...store, sites: { ...store.sites, get: store.sites.fresh } },
      log,
      now: () => clock.now(),
      newId: randomUUID,
      fetch: outboundFetch,
      publicUrl: options.publicUrl ?? null,
      ...(options.webhookRetryDelaysMs ? { retryDelaysMs: options.webhookRetryDelaysMs } : {}),
    }),
    store,
    hub,
    clock,
    newId: randomUUID,
    log,
    botFor: botCache(outboundFetch, secretKey, agentBudget(store, clock)),
    inFlightBots: new Map(),
    runningBotTurns: new Set(),
    messageWindows: createMessageWindows(store.messages),
    dbInFlight: trackInFlightCommands(db.client).count,
    visitorConversations: new BoundedMap(100_000),
    outbound,
    secretKey,
    mailer: options.mailer ?? null,
  };
}

/** Requests and tokens per site and UTC day, in the database so every server counts against one budget. */
function agentBudget(store: Store, clock: Clock): AgentBudget {
  const today = () => clock.now().toISOString().slice(0, 10);
  return {
    async exceeded(siteId, limits) {
      const used = await store.llmUsage.today(siteId, today());
      if (used.requests >= limits.requestsPerDay)
        return `The AI agent's daily request budget (${limits.requestsPerDay}) is used up; it resets at 00:00 UTC.`;
      if (used.tokens >= limits.tokensPerDay)
        return `The AI agent's daily token budget (${limits.tokensPerDay}) is used up; it resets at 00:00 UTC.`;
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
    const key = `${site._id}:${site.configVersion}:${webhookSecretOf(site)}:${site.botApiKey?.tag ?? ''}`;
    let bot = bots.get(key);
    if (!bot) {
      if (bots.size > 500) bots.clear();
      const apiKey = site.botApiKey && secretKey ? open(secretKey, site.botApiKey) : null;
      bot = createBot(
        site.config.bot,
        { siteSecret: webhookSecretOf(site), apiKey, budget, fetch: outboundFetch },
        { queues: site.config.queues.map((q) => q.id) },
      );
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

/** Per site and queue: how many wait for a person and how long the first of them has waited. */
async function waitingQueues(store: Store, clock: Clock) {
  const now = clock.now().getTime();
  const byQueue = new Map<string, { siteId: string; queue: string; length: number; oldestWaitSeconds: number }>();
  for (const c of await store.conversations.waitingNow()) {
    const key = `${c.siteId}|${c.queue ?? 'none'}`;
    const row = byQueue.get(key) ?? { siteId: c.siteId, queue: c.queue ?? 'none', length: 0, oldestWaitSeconds: 0 };
    row.length++;
    if (c.escalatedAt) row.oldestWaitSeconds = Math.max(row.oldestWaitSeconds, (now - c.escalatedAt.getTime()) / 1000);
    byQueue.set(key, row);
  }
  return [...byQueue.values()];
}
