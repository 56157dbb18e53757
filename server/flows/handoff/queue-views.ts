import type { VisitorConversationView } from '../../../shared/visitor-protocol';
import { orderQueue } from '../../domain/queue-order';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import { type QueueAvailability, callbackOfferFor, estimateFor, loadAvailability } from './availability';
import type { FlowDeps } from '../../composition';
import { type LiveQueueInfo, toVisitorView } from './wire';

async function liveInfo(deps: FlowDeps, site: Site, conversation: Conversation): Promise<LiveQueueInfo | null> {
  if (conversation.state !== 'queued' || !conversation.queue) return null;
  const [availability, waiting] = await Promise.all([
    loadAvailability(deps, site, conversation.queue),
    deps.store.conversations.queued(site._id, conversation.queue),
  ]);
  const ordered = orderQueue(waiting.map(asWaiting));
  const position = ordered.findIndex((w) => w.id === conversation._id) + 1 || ordered.length + 1;
  return {
    position,
    estimate: estimateFor(availability, position),
    callbackOffer: callbackOfferFor(availability, deps.clock.now()),
  };
}

const asWaiting = (c: Conversation) => ({ id: c._id, urgency: c.urgency, waitingSince: (c.escalatedAt ?? c.createdAt).toISOString() });

export async function visitorViewFor(deps: FlowDeps, site: Site, conversation: Conversation): Promise<VisitorConversationView> {
  return toVisitorView(site, conversation, await liveInfo(deps, site, conversation));
}

export async function publishVisitorView(deps: FlowDeps, site: Site, conversation: Conversation): Promise<void> {
  deps.hub.toVisitor(conversation.visitorId, {
    type: 'conversation_updated',
    conversation: await visitorViewFor(deps, site, conversation),
  });
}

/**
 * Everyone waiting in a queue learns their new place and wait whenever it moves. `loaded`: the
 * queue's availability when the caller has just loaded it, so it is not read twice.
 */
export async function publishQueueViews(deps: FlowDeps, site: Site, queue: string, loaded?: QueueAvailability): Promise<void> {
  const [availability, waiting] = await Promise.all([
    loaded ?? loadAvailability(deps, site, queue),
    deps.store.conversations.queued(site._id, queue),
  ]);
  const byId = new Map(waiting.map((c) => [c._id, c]));
  const offer = callbackOfferFor(availability, deps.clock.now());
  orderQueue(waiting.map(asWaiting)).forEach((w, index) => {
    const conversation = byId.get(w.id);
    if (!conversation) return;
    const info = { position: index + 1, estimate: estimateFor(availability, index + 1), callbackOffer: offer };
    deps.hub.toVisitor(conversation.visitorId, { type: 'conversation_updated', conversation: toVisitorView(site, conversation, info) });
  });
}
