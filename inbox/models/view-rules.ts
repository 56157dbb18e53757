import type { Urgency } from '../../shared/entities';
import type { InboxView } from '../../shared/http';
import type { ConversationSummary } from '../../shared/operator-protocol';

export const inboxViews: readonly InboxView[] = ['awaiting', 'live', 'mine', 'resolved'];

export interface ViewCounts {
  awaiting: number;
  live: number;
  mine: number;
  resolved: number;
  callbacks: number;
}

export const emptyCounts: ViewCounts = { awaiting: 0, live: 0, mine: 0, resolved: 0, callbacks: 0 };

export interface ViewFilter {
  /** '' for every site of the operator's. */
  site?: string;
  /** '' for every queue. */
  queue: string;
  meId: string;
}

const urgencyRank: Record<Urgency, number> = { urgent: 3, high: 2, normal: 1, low: 0 };

/** When the visitor started waiting for a person. */
export const waitingSince = (c: ConversationSummary): string => c.escalatedAt ?? c.createdAt;

/**
 * Mirrors the server's view definitions (server/store/conversations-store.ts list and counts)
 * so live updates move rows between views without a refetch. A callback-requested conversation
 * waits for a call back, not a chat: it is in Callbacks only, never in Live.
 */
export function belongsToView(c: ConversationSummary, view: InboxView, filter: ViewFilter): boolean {
  if (filter.site && c.siteId !== filter.site) return false;
  if (filter.queue && c.queue !== filter.queue) return false;
  switch (view) {
    case 'awaiting':
      return c.state === 'queued';
    case 'live':
      return c.state === 'bot' || c.state === 'queued' || c.state === 'owned';
    case 'mine':
      return c.state === 'owned' && c.owner?.operatorId === filter.meId;
    case 'resolved':
      // Resolved at least once: a conversation the visitor reopened stays in the history.
      return c.state === 'resolved' || (c.lastResolvedAt ?? null) !== null;
  }
}

/** Most urgent first; within an urgency, whoever has waited longest. */
export function compareAwaiting(a: ConversationSummary, b: ConversationSummary): number {
  return (
    urgencyRank[b.urgency] - urgencyRank[a.urgency] ||
    Date.parse(waitingSince(a)) - Date.parse(waitingSince(b)) ||
    a.conversationId.localeCompare(b.conversationId)
  );
}

const newestFirst = (key: (c: ConversationSummary) => string | null) => (a: ConversationSummary, b: ConversationSummary) =>
  Date.parse(key(b) ?? '') - Date.parse(key(a) ?? '') || a.conversationId.localeCompare(b.conversationId);

export function sortForView(list: readonly ConversationSummary[], view: InboxView): ConversationSummary[] {
  const sorted = [...list];
  if (view === 'awaiting') return sorted.sort(compareAwaiting);
  // Resolving is the conversation's last activity, so Resolved is newest-resolved first; one key for
  // every view but Awaiting keeps this order identical to the server's pages (lastActivityAt, then id).
  return sorted.sort(newestFirst((c) => c.lastActivityAt));
}

/** Moves one conversation's contribution to the view counts from `prev` to `next`. */
export function adjustCounts(
  counts: ViewCounts,
  prev: ConversationSummary | null,
  next: ConversationSummary,
  filter: ViewFilter,
): ViewCounts {
  const adjusted = { ...counts };
  for (const view of inboxViews) {
    const delta = Number(belongsToView(next, view, filter)) - Number(prev ? belongsToView(prev, view, filter) : false);
    adjusted[view] = Math.max(0, adjusted[view] + delta);
  }
  return adjusted;
}

export function countsFrom(raw: Record<string, number>): ViewCounts {
  return {
    awaiting: raw.awaiting ?? 0,
    live: raw.live ?? 0,
    mine: raw.mine ?? 0,
    resolved: raw.resolved ?? 0,
    callbacks: raw.callbacks ?? 0,
  };
}
