import type { FastifyBaseLogger } from 'fastify';
import type { Bot } from '../bot/bot';
import type { Hub } from '../realtime/hub';
import type { Store } from '../store';
import type { WebhookSender } from '../webhooks/webhook-sender';
import type { SiteDoc } from '../store/documents';

export interface Clock {
  now(): Date;
}

/** Everything a flow may touch, built once in main.ts (or per test). */
export interface FlowDeps {
  store: Store;
  hub: Hub;
  clock: Clock;
  newId(): string;
  log: FastifyBaseLogger;
  botFor(site: SiteDoc): Bot;
  /** The site's outgoing handoff webhook; never blocks the flow that notifies it. */
  webhooks: WebhookSender;
  /** Bot replies in flight, per conversation, so a barge-in can stop them at once. */
  inFlightBots: Map<string, AbortController>;
}
