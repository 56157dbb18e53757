import { HANDOFF_WEBHOOK_HEADERS as H, type HandoffEvent } from '../../shared/handoff-webhook';
import type { ConversationDoc, SiteDoc } from '../store/documents';
import { buildHandoffPayload } from './payload';
import { signWebhook } from './signature';
import { toSlackMessage } from './slack-message';

// Deliveries and their retries live in memory: a restart drops every retry still waiting (each is
// logged when it fails first). A durable outbox would store the delivery (id, site, event, body,
// attempt, nextAttemptAt) in the same write as the state change, let a worker claim due rows with a
// conditional update so two servers never send the same attempt, and mark them sent or abandoned.

type LogFn = (context: object, message: string) => void;
export type WebhookLog = Record<'info' | 'warn' | 'error', LogFn>;

export interface WebhookSenderDeps {
  log: WebhookLog;
  now(): Date;
  newId(): string;
  fetch?: typeof fetch;
  /** The wait before each retry; its length is the number of retries. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
  /** PUBLIC_URL, for the inbox link in payloads. */
  publicUrl?: string | null;
}

export interface WebhookSender {
  /** Returns at once; the delivery and its retries run in the background. */
  notify(site: SiteDoc, event: HandoffEvent, conversation: ConversationDoc): void;
  /** Resolves when every delivery, retries included, has finished. */
  idle(): Promise<void>;
  /** For shutdown: drops retries still waiting (logging each) and waits for attempts in flight. */
  close(): Promise<void>;
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000];
const DEFAULT_TIMEOUT_MS = 5_000;
// A receiver down for minutes under heavy traffic must not grow memory without bound.
const MAX_PENDING = 1_000;

interface Delivery {
  url: string;
  secret: string;
  body: string;
  context: { siteId: string; conversationId: string; deliveryId: string; event: HandoffEvent };
}

type Outcome = { ok: true; status: number } | { ok: false; retry: boolean; problem: string };

export function createWebhookSender(deps: WebhookSenderDeps): WebhookSender {
  const doFetch = deps.fetch ?? fetch;
  const delays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pending = new Set<Promise<void>>();
  const sleepers = new Set<() => void>();
  let closed = false;

  function notify(site: SiteDoc, event: HandoffEvent, conversation: ConversationDoc): void {
    const hook = site.config.webhook;
    if (!hook.url || !hook.events.includes(event)) return;
    const context = { siteId: site._id, conversationId: conversation._id, deliveryId: deps.newId(), event };
    if (closed || pending.size >= MAX_PENDING) {
      deps.log.error({ ...context, pending: pending.size }, `webhook not sent: ${closed ? 'shutting down' : 'too many deliveries pending'}`);
      return;
    }
    try {
      const payload = buildHandoffPayload({ deliveryId: context.deliveryId, event, conversation, now: deps.now(), publicUrl: deps.publicUrl ?? null });
      const body = JSON.stringify(hook.format === 'slack' ? toSlackMessage(payload) : payload);
      const run: Promise<void> = deliver({ url: hook.url, secret: site.secret, body, context })
        .catch((err: unknown) => deps.log.error({ ...context, err }, 'webhook delivery crashed'))
        .finally(() => pending.delete(run));
      pending.add(run);
    } catch (err) {
      // The caller is a flow that already changed state: a webhook bug must not undo or fail it.
      deps.log.error({ ...context, err }, 'webhook payload could not be built');
    }
  }

  async function deliver(d: Delivery): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await attemptOnce(d);
      if (outcome.ok) {
        deps.log.info({ ...d.context, attempt, status: outcome.status }, 'webhook delivered');
        return;
      }
      const delay = outcome.retry ? delays[attempt - 1] : undefined;
      if (delay === undefined) {
        const why = outcome.retry ? `giving up after ${attempt} attempts` : 'not retrying';
        deps.log.error({ ...d.context, attempt, problem: outcome.problem }, `webhook delivery failed; ${why}`);
        return;
      }
      deps.log.warn({ ...d.context, attempt, problem: outcome.problem, retryInMs: delay }, 'webhook delivery failed; will retry');
      if (!(await sleep(delay))) {
        deps.log.error({ ...d.context, attempt }, 'webhook delivery abandoned: shutting down before its retry');
        return;
      }
    }
  }

  async function attemptOnce({ url, secret, body, context }: Delivery): Promise<Outcome> {
    // A fresh timestamp per attempt, so a receiver's replay window also applies to retries.
    const timestamp = String(Math.floor(deps.now().getTime() / 1000));
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [H.event]: context.event,
          [H.delivery]: context.deliveryId,
          [H.timestamp]: timestamp,
          [H.signature]: `sha256=${signWebhook(secret, timestamp, body)}`,
        },
        body,
        // A redirect would carry the signed event to an address the site never configured.
        redirect: 'manual',
        signal: timeout,
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true, status: response.status };
      const { status } = response;
      const redirect = status >= 300 && status < 400 ? ' (redirects are not followed: configure the final URL)' : '';
      return { ok: false, retry: status === 429 || status >= 500, problem: `HTTP ${status}${redirect}` };
    } catch (err) {
      const problem = timeout.aborted ? `no answer within ${timeoutMs} ms` : causeOf(err);
      // Webhook URLs are credentials (Slack's are): keep them out of logs.
      return { ok: false, retry: true, problem: problem.split(url).join('<webhook url>') };
    }
  }

  function sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const settle = (slept: boolean) => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve(slept);
      };
      const wake = () => settle(false);
      const timer = setTimeout(settle, ms, true);
      sleepers.add(wake);
    });
  }

  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.all(pending);
  }

  async function close(): Promise<void> {
    closed = true;
    for (const wake of [...sleepers]) wake();
    await idle();
  }

  return { notify, idle, close };
}

function causeOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}
