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
import { visitorNamesOfRows } from '../handoff/episode-row-names';
import { siteTimeZone } from '../handoff/site-time-zone';
import { addLocalDays, localDateOf } from '../../domain/hours/local-time';

const DEFAULT_DAYS = 30;
const LISTED = 100;

/** The days asked for; the last 30 when not given, "today" being the site's (its hours' time zone), as the rows' days are. */
async function rangeOf(deps: FlowDeps, siteId: string, q: InsightsQuery): Promise<{ from: string; to: string }> {
  const to = q.to ?? localDateOf(deps.clock.now(), await siteTimeZone(deps, siteId));
  const from = q.from ?? addLocalDays(to, -(DEFAULT_DAYS - 1));
  return { from, to };
}

/** Admins see the whole site; an operator sees the episodes they took. */
const scopeOf = (operator: Operator) => (operator.role === 'admin' ? ('site' as const) : ('mine' as const));

export async function loadInsights(deps: FlowDeps, operator: Operator, siteId: string, q: InsightsQuery): Promise<InsightsResponse> {
  const { from, to } = await rangeOf(deps, siteId, q);
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
  const { from, to } = await rangeOf(deps, siteId, q);
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
  const names = await visitorNamesOfRows(deps, listed);
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
