import { offerAllQueues } from '../flows/handoff/auto-assign';
import type { FlowDeps } from '../composition';
import { postMessage } from '../flows/handoff/post-message';
import { publishQueueViews } from '../flows/handoff/queue-views';
import { applyTransition } from '../flows/handoff/transition';
import { visitorText } from '../flows/handoff/visitor-texts';

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
    const result = await applyTransition(
      deps,
      conversation._id,
      { type: 'resolve' },
      { kind: 'system' },
      {
        reasons: ['inactivity'],
        evidence: [`no visitor activity for ${limitMin} min`],
      },
    );
    if (!result.ok) continue;
    resolved++;
    await postMessage(deps, result.conversation, {
      sender: { kind: 'system' },
      text: visitorText(site, result.conversation, 'inactivityResolved'),
    });
    deps.hub.toVisitor(result.conversation.visitorId, { type: 'conversation_resolved' });
    if (result.previous.queue) await publishQueueViews(deps, site, result.previous.queue);
    // A person's conversation closing frees their capacity: the backlog is offered at once.
    if (result.previous.state === 'owned') await offerAllQueues(deps, site._id);
  }
  return resolved;
}
