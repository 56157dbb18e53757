import type { FlowDeps } from '../composition';
import { requeueLapsedOffers } from '../flows/handoff/auto-assign';
import { createHoursWatch } from './hours-watch';
import { resolveInactiveConversations } from './inactivity';
import { applyRetention } from './retention';

/** Retention works in days: once an hour is often enough, and the first run comes a minute after start. */
const RETENTION_EVERY_MS = 60 * 60_000;

/** Background sweeps: idle conversations, opening/closing hours, expired operator sessions and old webhook deliveries every minute, lapsed automatic offers every few seconds, expired personal data every hour; the webhook worker. */
export function startSweepers(deps: FlowDeps): () => void {
  const hoursChanged = createHoursWatch(deps);
  const idle = setInterval(() => {
    resolveInactiveConversations(deps).catch((err) => deps.log.error({ err }, 'inactivity sweep failed'));
    hoursChanged().catch((err) => deps.log.error({ err }, 'hours sweep failed'));
    deps.store.sessions.deleteExpired(deps.clock.now()).catch((err) => deps.log.error({ err }, 'expired session sweep failed'));
    deps.store.webhookDeliveries.deleteSettled(deps.clock.now()).catch((err) => deps.log.error({ err }, 'settled webhook delivery sweep failed'));
  }, 60_000);
  const retention = () => applyRetention(deps).catch((err) => deps.log.error({ err }, 'retention sweep failed'));
  const firstRetention = setTimeout(retention, 60_000);
  const hourly = setInterval(retention, RETENTION_EVERY_MS);
  const offers = setInterval(() => {
    requeueLapsedOffers(deps).catch((err) => deps.log.error({ err }, 'offer sweep failed'));
  }, 3_000);
  idle.unref();
  offers.unref();
  firstRetention.unref();
  hourly.unref();
  const stopWebhooks = deps.webhooks.start();
  return () => {
    clearInterval(idle);
    clearInterval(offers);
    clearTimeout(firstRetention);
    clearInterval(hourly);
    stopWebhooks();
  };
}
