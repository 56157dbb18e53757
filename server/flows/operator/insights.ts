import type {
  InsightsConversation,
  InsightsConversationsQuery,
  InsightsFigures,
  InsightsQuery,
  InsightsResponse,
} from '../../../shared/insights';
import { insightsFrom, type RollupRow } from '../../domain/insights/figures';
import type { Operator } from '../../entities/operator';
import type { FlowDeps } from '../../composition';
import { reviewPrecisionFor } from '../admin/review-sample';

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
  const filters = { ...(q.queue ? { queue: q.queue } : {}), ...(q.trigger ? { trigger: q.trigger } : {}) };
  const [rows, precision] = await Promise.all([
    deps.store.episodeRollups.find({
      siteId,
      fromDay: from,
      toDay: to,
      ...(scope === 'mine' ? { operatorId: operator._id } : {}),
      ...filters,
    }),
    reviewPrecisionFor(deps, operator, { siteId, fromDay: from, toDay: to, ...filters }),
  ]);
  const figures: InsightsFigures = { ...insightsFrom(rows as RollupRow[]), precision };
  return { scope, from, to, figures };
}

/** The episodes behind one figure, newest first: exactly those the figure counted (domain/insights/episode-row.ts). */
export async function insightConversations(
  deps: FlowDeps,
  operator: Operator,
  siteId: string,
  q: InsightsConversationsQuery,
): Promise<{ conversations: InsightsConversation[]; more: boolean }> {
  const { from, to } = rangeOf(deps, q);
  const rows = await deps.store.episodeRollups.rowsFor(
    {
      siteId,
      fromDay: from,
      toDay: to,
      measure: q.measure,
      ...(scopeOf(operator) === 'mine' ? { operatorId: operator._id } : {}),
      ...(q.queue ? { queue: q.queue } : {}),
      ...(q.trigger ? { trigger: q.trigger } : {}),
    },
    LISTED + 1,
  );
  const listed = rows.slice(0, LISTED);
  const names = await deps.store.conversations.visitorNames([...new Set(listed.map((r) => r.conversationId))]);
  return {
    conversations: listed.map((r) => ({
      conversationId: r.conversationId,
      episode: r.number,
      startedAt: r.startedAt.toISOString(),
      visitorName: names.get(r.conversationId) ?? null,
      trigger: r.trigger,
      queue: r.queue === 'none' ? null : r.queue,
      outcome: r.outcome,
      rating: r.rating,
    })),
    more: rows.length > LISTED,
  };
}
