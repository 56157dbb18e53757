import type { FlowDeps } from '../../composition';
import { toSummary } from '../handoff/wire';

/**
 * The visitor opened the site (a widget socket said hello) or closed their last tab: recorded on
 * their latest open conversation and announced to its operators, so a wait nobody can answer any
 * more shows as "left". A resolved conversation is left alone: nobody waits in it.
 */
export async function recordVisitorPresence(
  deps: FlowDeps,
  visitorId: string,
  online: boolean,
  options: { reannounce?: boolean } = {},
): Promise<void> {
  const latest = await deps.store.conversations.latestForVisitor(visitorId);
  if (!latest || latest.state === 'resolved') return;
  // `reannounce`: written and announced again even if unchanged, to follow an announcement that may have overtaken it.
  if (latest.visitorPresence?.online === online && !options.reannounce) return;
  const updated = await deps.store.conversations.setVisitorPresence(latest._id, { online, since: deps.clock.now() });
  if (updated) deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
}
