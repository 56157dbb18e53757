import type { InsightsConversation, InsightsConversationsQuery, InsightsFigures, InsightsQuery, InsightsResponse } from '../../../shared/insights';
import { insightsFrom, type RollupRow } from '../../domain/insights/figures';
import { episodeCounts, startOf, triggerOf } from '../../domain/insights/measures';
import type { HandoffEpisode } from '../../entities/episode';
import type { Operator } from '../../entities/operator';
import type { FlowDeps } from '../../composition';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const LISTED = 100;

/** The days asked for, the last 30 (UTC) when not given. */
function rangeOf(deps: FlowDeps, q: InsightsQuery): { from: string; to: string } {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const to = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

/** Admins see the whole site; an operator sees the episodes they took. */
const scopeOf = (operator: Operator) => (operator.role === 'admin' ? ('site' as const) : ('mine' as const));

export async function loadInsights(deps: FlowDeps, operator: Operator, siteId: string, q: InsightsQuery): Promise<InsightsResponse> {
  const { from, to } = rangeOf(deps, q);
  const scope = scopeOf(operator);
  const rows = await deps.store.episodeRollups.find({
    siteId,
    fromDay: from,
    toDay: to,
    ...(scope === 'mine' ? { operatorId: operator._id } : {}),
    ...(q.queue ? { queue: q.queue } : {}),
    ...(q.trigger ? { trigger: q.trigger } : {}),
  });
  const figures: InsightsFigures = { ...insightsFrom(rows as RollupRow[]), precision: [] };
  return { scope, from, to, figures };
}

/** The episodes behind one figure, newest first: exactly those the figure counted (domain/insights/measures.ts). */
export async function insightConversations(
  deps: FlowDeps,
  operator: Operator,
  siteId: string,
  q: InsightsConversationsQuery,
): Promise<{ conversations: InsightsConversation[]; more: boolean }> {
  const { from, to } = rangeOf(deps, q);
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const mine = scopeOf(operator) === 'mine';
  const inRange = (e: HandoffEpisode) => {
    const at = startOf(e);
    return at !== null && at >= start && at < end;
  };
  const found: InsightsConversation[] = [];
  for await (const doc of deps.store.conversations.withEpisodesBetween(siteId, start, end)) {
    const episodes = doc.episodes ?? [];
    episodes.forEach((e, i) => {
      if (!inRange(e) || (mine && e.operatorId !== operator._id)) return;
      if ((q.queue && (e.queue ?? 'none') !== q.queue) || (q.trigger && triggerOf(e) !== q.trigger)) return;
      if (!episodeCounts(q.measure, e, episodes[i + 1])) return;
      found.push({
        conversationId: doc._id,
        episode: e.number,
        startedAt: (startOf(e) ?? start).toISOString(),
        visitorName: doc.visitorName ?? null,
        trigger: triggerOf(e),
        queue: e.queue,
        outcome: e.outcome,
        rating: e.rating ? { score: e.rating.score, comment: e.rating.comment } : null,
      });
    });
    if (found.length > LISTED) break;
  }
  return { conversations: found.slice(0, LISTED), more: found.length > LISTED };
}
