import type { Store } from '../store';
import type { WebhookDelivery } from '../entities/webhook-delivery';
import type { ClaimOptions, DeliveryClaim } from '../store/webhook-deliveries-store';
import type { WebhookLog } from './webhook-log';

/** Deliveries sent at once by one server. */
const LANES = 4;
/** With nothing scheduled, how often to look for rows another server left behind. */
const IDLE_CHECK_MS = 10_000;

export interface DeliveryLanesDeps {
  deliveries: Store['webhookDeliveries'];
  log: WebhookLog;
  now(): Date;
  claim: Pick<ClaimOptions, 'leaseMs' | 'maxAttempts'>;
  /** One attempt, settled or logged; never throws. */
  send(delivery: WebhookDelivery): Promise<void>;
}

export interface DeliveryLanes {
  /** Starts lanes up to LANES; resolves once every lane has stopped (nothing it may take is due). */
  drain(): Promise<void>;
  /** When due rows should next be looked for: the next retry or lease end, or the idle check. */
  nextCheckAtMs(): number;
  /** Starts no more attempts; resolves once those in flight are settled. */
  close(): Promise<void>;
}

/**
 * The lanes that claim and send due rows. A lane skips sites with an attempt in flight on this
 * server, so a site whose receiver hangs (timeout × retries) holds one lane while other sites'
 * deliveries go out; lanes start whenever a row is stored, not only when a pass begins.
 */
export function createDeliveryLanes(deps: DeliveryLanesDeps): DeliveryLanes {
  const busySites = new Set<string>();
  /** Rows another server claimed first while lanes ran; forgotten when the last lane stops. */
  const taken = new Set<string>();
  let running = 0;
  /** Counts drain() calls: a lane that found nothing looks again if one came meanwhile. */
  let wakeups = 0;
  let pass: { done: Promise<void>; end(): void; failed: boolean } | null = null;
  let claiming: Promise<unknown> = Promise.resolve();
  let nextCheckAtMs = 0;
  let closing = false;

  function drain(): Promise<void> {
    if (closing) return pass?.done ?? Promise.resolve();
    wakeups++;
    pass ??= newPass();
    const { done } = pass;
    for (; running < LANES; running++) void lane(pass);
    return done;
  }

  async function lane(current: NonNullable<typeof pass>): Promise<void> {
    try {
      while (!closing) {
        const seen = wakeups;
        const claim = await claimNext();
        if (claim?.kind === 'claimed') await sendHoldingSite(claim.delivery);
        else if (claim?.kind === 'gave_up') logGaveUp(claim.delivery);
        else if (!claim) {
          const due = await deps.deliveries.nextDueAt([...busySites]);
          if (seen !== wakeups) continue; // a row may have been stored after the claim looked
          nextCheckAtMs = Math.min(due?.getTime() ?? Number.POSITIVE_INFINITY, deps.now().getTime() + IDLE_CHECK_MS);
          return;
        }
      }
    } catch (err) {
      // Most likely the database is away: look again on a later tick rather than every second.
      if (!current.failed) deps.log.error({ err }, 'webhook worker failed; it tries again shortly');
      current.failed = true;
      nextCheckAtMs = deps.now().getTime() + IDLE_CHECK_MS;
    } finally {
      if (--running === 0) {
        taken.clear();
        pass = null;
        current.end();
      }
    }
  }

  /** One claim at a time on this server, so two lanes never both take a site not yet marked busy. */
  function claimNext(): Promise<DeliveryClaim | null> {
    const next = claiming.then(async () => {
      const claim = await deps.deliveries.claimDue(deps.now(), { ...deps.claim, skip: [...taken], busySites: [...busySites] });
      if (claim?.kind === 'claimed') busySites.add(claim.delivery.siteId);
      if (claim?.kind === 'taken') taken.add(claim.deliveryId);
      return claim;
    });
    claiming = next.catch(() => undefined);
    return next;
  }

  async function sendHoldingSite(delivery: WebhookDelivery): Promise<void> {
    try {
      await deps.send(delivery);
    } finally {
      busySites.delete(delivery.siteId);
    }
  }

  function logGaveUp({ _id: deliveryId, siteId, conversationId, event, attempt, lastProblem }: WebhookDelivery): void {
    const context = { siteId, conversationId, deliveryId, event, attempt, problem: lastProblem };
    deps.log.error(context, 'webhook delivery failed; its attempts ended before recording an outcome');
  }

  async function close(): Promise<void> {
    closing = true;
    await pass?.done;
  }

  return { drain, nextCheckAtMs: () => nextCheckAtMs, close };
}

function newPass(): { done: Promise<void>; end(): void; failed: boolean } {
  let end = () => {};
  const done = new Promise<void>((resolve) => {
    end = resolve;
  });
  return { done, end, failed: false };
}
