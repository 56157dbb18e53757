import { HANDOFF_WEBHOOK_HEADERS as H, type HandoffEvent } from '../../shared/handoff-webhook';
import { standardWebhookHeaders } from '../security/standard-webhooks';

export type AttemptOutcome = { ok: true; status: number } | { ok: false; retry: boolean; problem: string };

export interface AttemptRequest {
  url: string;
  /** The site's webhook secret as it is now: a rotation between attempts signs the retry with the new one. */
  secret: string;
  body: string;
  event: HandoffEvent;
  deliveryId: string;
  now: Date;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One POST of a delivery. Never throws: every failure is an outcome, its problem free of the URL. */
export async function postDelivery({
  url,
  secret,
  body,
  event,
  deliveryId,
  now,
  timeoutMs,
  fetch: doFetch,
}: AttemptRequest): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [H.event]: event,
        [H.delivery]: deliveryId,
        // Standard Webhooks: the delivery id is the message id (the same on every retry, so receivers
        // dedupe on it) and each attempt is signed afresh with its own time, so a replay window applies to retries too.
        ...standardWebhookHeaders(secret, deliveryId, now, body),
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
    // Webhook URLs are credentials (Slack's are): keep them out of logs and of the delivery log.
    return { ok: false, retry: true, problem: problem.split(url).join('<webhook url>') };
  }
}

function causeOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}
