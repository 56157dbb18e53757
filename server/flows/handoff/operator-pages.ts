import type { PageReason } from '../../../shared/operator-protocol';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { FlowDeps } from '../../composition';
import { toSummary } from './wire';

// Lists are kept current for everyone on the site; a page (an in-app notice and a browser
// notification) goes only to those expected to act, so a busy site does not page everyone.

/** Every operator of the site sees the handoff in their lists; the queue's members are paged about it. */
export async function publishHandoff(deps: FlowDeps, site: Site, conversation: Conversation): Promise<void> {
  const summary = toSummary(conversation);
  deps.hub.toSite(site._id, { type: 'handoff_started', conversation: summary });
  const page = { type: 'paged' as const, reason: 'handoff' as const, conversation: summary };
  const members = site.config.queues.find((q) => q.id === conversation.queue)?.members ?? [];
  // A queue that lists no members is everyone's (shared/config/queues.ts).
  if (members.length === 0) return deps.hub.toSite(site._id, page);
  // A member id may outlive the operator's access to the site: page only those who still have it.
  const onSite = new Set((await deps.store.operators.forSite(site._id)).map((op) => op._id));
  for (const operatorId of members) if (onSite.has(operatorId)) deps.hub.toOperator(operatorId, page);
}

/** The operator a conversation was just handed to personally, by an automatic offer or a transfer. */
export function pageOwner(deps: FlowDeps, reason: Exclude<PageReason, 'handoff'>, conversation: Conversation): void {
  if (!conversation.owner) return;
  deps.hub.toOperator(conversation.owner.operatorId, { type: 'paged', reason, conversation: toSummary(conversation) });
}
