import { offerAllQueues, requeueLapsedOffers } from './auto-assign';
import { createHoursWatch } from './hours-watch';
import type { FlowDeps } from './deps';
import { postMessage } from './post-message';
import { publishQueueViews } from './queue-views';
import { applyTransition } from './transition';
import { visitorText } from './visitor-texts';

/** Resolves conversations the visitor left: separate limits for bot-held and person-held ones. */
export async function resolveInactiveConversations(deps: FlowDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  // The shortest possible limit bounds the query; each site's own limits decide.
  const candidates = await deps.store.conversations.idleActive(new Date(now - 60_000));
  let resolved = 0;
  for (const conversation of candidates) {
    const site = await deps.store.sites.get(conversation.siteId);
    if (!site) continue;
    const limitMin = conversation.state === 'bot' ? site.config.inactivity.botMinutes : site.config.inactivity.humanMinutes;
    if (now - conversation.lastVisitorActivityAt.getTime() < limitMin * 60_000) continue;
    const result = await applyTransition(deps, conversation._id, { type: 'resolve' }, { kind: 'system' }, {
      reasons: ['inactivity'],
      evidence: [`no visitor activity for ${limitMin} min`],
    });
    if (!result.ok) continue;
    resolved++;
    await postMessage(deps, result.conversation, { sender: { kind: 'system' }, text: visitorText(site, result.conversation, 'inactivityResolved') });
    deps.hub.toVisitor(result.conversation.visitorId, { type: 'conversation_resolved' });
    if (result.previous.queue) await publishQueueViews(deps, site, result.previous.queue);
    // A person's conversation closing frees their capacity: the backlog is offered at once.
    if (result.previous.state === 'owned') await offerAllQueues(deps, site._id);
  }
  return resolved;
}

/** Background sweeps: idle conversations, opening/closing hours, expired operator sessions and old webhook deliveries every minute, lapsed automatic offers every few seconds; the webhook worker. */
export function startSweepers(deps: FlowDeps): () => void {
  const hoursChanged = createHoursWatch(deps);
  const idle = setInterval(() => {
    resolveInactiveConversations(deps).catch((err) => deps.log.error({ err }, 'inactivity sweep failed'));
    hoursChanged().catch((err) => deps.log.error({ err }, 'hours sweep failed'));
    deps.store.sessions.deleteExpired(deps.clock.now()).catch((err) => deps.log.error({ err }, 'expired session sweep failed'));
    deps.store.webhookDeliveries.deleteSettled(deps.clock.now()).catch((err) => deps.log.error({ err }, 'settled webhook delivery sweep failed'));
  }, 60_000);
  const offers = setInterval(() => {
    requeueLapsedOffers(deps).catch((err) => deps.log.error({ err }, 'offer sweep failed'));
  }, 3_000);
  idle.unref();
  offers.unref();
  const stopWebhooks = deps.webhooks.start();
  return () => {
    clearInterval(idle);
    clearInterval(offers);
    stopWebhooks();
  };
}
