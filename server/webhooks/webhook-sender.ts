import { webhookSecretOf } from '../security/standard-webhooks';
import type { HandoffEvent } from '../../shared/handoff-webhook';
import type { Store } from '../store';
import type { Conversation } from '../entities/conversation';
import type { Site } from '../entities/site';
import type { WebhookDelivery } from '../entities/webhook-delivery';
import { createDeliveryLanes } from './delivery-lanes';
import type { WebhookLog } from './webhook-log';
import { buildHandoffPayload } from './payload';
import { DEFAULT_RETRY_DELAYS_MS, settlementAfter } from './retry-schedule';
import { toSlackMessage } from './slack-message';
import { type AttemptOutcome, postDelivery } from './webhook-attempt';

// A durable outbox: notify() stores the delivery (webhook_deliveries) and a worker sends it, so a
// restart or a crash loses no retry. Workers on every server claim due rows through the attempts
// ledger (webhook-deliveries-store.ts), so two servers never send the same attempt; a claim holds a
// lease, and a sender that dies mid-attempt leaves a row another takes once the lease ends (each
// claim counts as an attempt, so a row that keeps killing its sender fails after the last). The row
// is written just after the state change, not with it (FerretDB has no transactions): a crash in
// between loses that one delivery. URL and secret are read at send time, so edits and rotations apply.

export interface WebhookSenderDeps {
  store: Pick<Store, 'webhookDeliveries' | 'sites'>;
  log: WebhookLog;
  now(): Date;
  newId(): string;
  /** The guarded outbound fetch (security/outbound-fetch.ts): a webhook URL may not reach private addresses. */
  fetch: typeof fetch;
  /** The wait before each retry; its length is the number of retries. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  /** PUBLIC_URL, for the inbox link in payloads. */
  publicUrl?: string | null;
  /** How often the started worker looks for due rows. */
  pollMs?: number;
}

export interface WebhookSender {
  /** Returns at once; stores the delivery and sends it in the background. Never throws. */
  notify(site: Site, event: HandoffEvent, conversation: Conversation): void;
  /** Starts the timer that sends retries and rows left by an earlier run or another server; returns its stop. */
  start(): () => void;
  /** Resolves when no delivery is due now or being sent (a retry scheduled later does not count). */
  idle(): Promise<void>;
  /** For shutdown: lets attempts in flight finish; rows still pending wait for the next start. */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_POLL_MS = 1_000;

export function createWebhookSender(deps: WebhookSenderDeps): WebhookSender {
  const deliveries = deps.store.webhookDeliveries;
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Far longer than an attempt can take (site load, the request's timeout, the settling write).
  const leaseMs = timeoutMs + 30_000;
  const inserts = new Set<Promise<void>>();
  const lanes = createDeliveryLanes({ deliveries, log: deps.log, now: deps.now, claim: { leaseMs, maxAttempts: delays.length + 1 }, send });
  let timer: ReturnType<typeof setInterval> | null = null;
  let closing: Promise<void> | null = null;

  function notify(site: Site, event: HandoffEvent, conversation: Conversation): void {
    const hook = site.config.webhook;
    if (!hook.url || !hook.events.includes(event)) return;
    const context = { siteId: site._id, conversationId: conversation._id, deliveryId: deps.newId(), event };
    try {
      const now = deps.now();
      const payload = buildHandoffPayload({ deliveryId: context.deliveryId, event, conversation, now, publicUrl: deps.publicUrl ?? null });
      const body = JSON.stringify(hook.format === 'slack' ? toSlackMessage(payload) : payload);
      const row: WebhookDelivery = {
        _id: context.deliveryId,
        siteId: site._id,
        conversationId: conversation._id,
        event,
        body,
        attempt: 0,
        status: 'pending',
        nextAttemptAt: now,
        leaseUntil: null,
        lastProblem: null,
        createdAt: now,
        updatedAt: now,
      };
      const insert: Promise<void> = deliveries
        .insert(row)
        .then(
          () => void lanes.drain(),
          (err: unknown) => deps.log.error({ ...context, err }, 'webhook not sent: its delivery could not be stored'),
        )
        .finally(() => inserts.delete(insert));
      inserts.add(insert);
    } catch (err) {
      // The caller is a flow that already changed state: a webhook bug must not undo or fail it.
      deps.log.error({ ...context, err }, 'webhook payload could not be built');
    }
  }

  async function send(delivery: WebhookDelivery): Promise<void> {
    const { _id: deliveryId, siteId, conversationId, event, attempt } = delivery;
    const context = { siteId, conversationId, deliveryId, event, attempt };
    try {
      const site = await deps.store.sites.get(siteId);
      const url = site?.config.webhook.url;
      const outcome: AttemptOutcome =
        site && url
          ? await postDelivery({
              url,
              secret: webhookSecretOf(site),
              body: delivery.body,
              event,
              deliveryId,
              now: deps.now(),
              timeoutMs,
              fetch: deps.fetch ?? fetch,
            })
          : { ok: false, retry: false, problem: 'webhook removed' };
      const now = deps.now();
      const settlement = settlementAfter(outcome, attempt, delays, now);
      if (!(await deliveries.settle(delivery, settlement, now))) {
        deps.log.warn(context, 'webhook attempt not recorded: its lease ended and another server took the delivery');
      } else if (outcome.ok) {
        deps.log.info({ ...context, status: outcome.status }, 'webhook delivered');
      } else if (settlement.status === 'pending') {
        const retryInMs = settlement.nextAttemptAt.getTime() - now.getTime();
        deps.log.warn({ ...context, problem: outcome.problem, retryInMs }, 'webhook delivery failed; will retry');
      } else {
        const why = outcome.retry ? `giving up after ${attempt} attempts` : 'not retrying';
        deps.log.error({ ...context, problem: outcome.problem }, `webhook delivery failed; ${why}`);
      }
    } catch (err) {
      // The row stays claimed: once its lease ends it is taken again, counting as another attempt.
      deps.log.error({ ...context, err }, 'webhook attempt failed before it was recorded');
    }
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function start(): () => void {
    if (timer || closing) return stop;
    // Also while a lane waits on a slow receiver: another site's retry is due on time.
    timer = setInterval(() => {
      if (deps.now().getTime() >= lanes.nextCheckAtMs()) void lanes.drain();
    }, deps.pollMs ?? DEFAULT_POLL_MS);
    timer.unref();
    void lanes.drain();
    return stop;
  }

  async function idle(): Promise<void> {
    for (;;) {
      while (inserts.size > 0) await Promise.all(inserts);
      if (closing) return closing;
      await lanes.drain();
      // Rows another sender is sending, or one that became due meanwhile, are not settled yet.
      if (inserts.size === 0 && (await deliveries.countDueOrSending(deps.now())) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function close(): Promise<void> {
    closing ??= (async () => {
      stop();
      await lanes.close();
    })();
    await closing;
    // A flow may still notify during shutdown: its row is stored for the next start.
    while (inserts.size > 0) await Promise.all(inserts);
  }

  return { notify, start, idle, close };
}
