import type { HandoffEpisode } from '../../entities/episode';
import { dayOf, episodeCounts, MEASURES, startOf, triggerOf } from './measures';

/**
 * One flat row per episode, for the conversations behind a figure: a flag per measure it counts in
 * (`m_<measure>: true`), so listing them is an equality on top-level fields, which FerretDB hands
 * to its backend (a filter inside the episodes array it would scan document by document).
 */
export interface EpisodeRow {
  _id: string;
  siteId: string;
  conversationId: string;
  number: number;
  startedAt: Date;
  day: string;
  trigger: string;
  queue: string;
  operatorId: string | null;
  outcome: string | null;
  rating: { score: number; comment: string | null } | null;
  /**
   * The visitor's name, copied from the conversation so the list needs no conversation read (FerretDB
   * scans for `_id $in`); rewritten when the visitor names themself, blanked by erasure. Absent on
   * rows written before it was kept.
   */
  visitorName?: string | null;
  [flag: `m_${string}`]: true;
}

/** The rows of the episodes that changed between `before` and `after` (all of them when in doubt: a row is small). */
export function episodeRows(
  siteId: string,
  conversationId: string,
  visitorName: string | null,
  before: readonly HandoffEpisode[] | undefined,
  after: readonly HandoffEpisode[] | undefined,
): EpisodeRow[] {
  const list = after ?? [];
  const rows: EpisodeRow[] = [];
  list.forEach((e, i) => {
    const old = before?.[i];
    const next = list[i + 1];
    const oldNext = before?.[i + 1];
    if (old && JSON.stringify(old) === JSON.stringify(e) && (oldNext === undefined) === (next === undefined)) return;
    const startedAt = startOf(e);
    const day = dayOf(e);
    if (!startedAt || !day) return;
    const row: EpisodeRow = {
      _id: `${conversationId}#${e.number}`,
      siteId,
      conversationId,
      number: e.number,
      startedAt,
      day,
      trigger: triggerOf(e),
      queue: e.queue ?? 'none',
      operatorId: e.operatorId ?? null,
      outcome: e.outcome,
      rating: e.rating ? { score: e.rating.score, comment: e.rating.comment } : null,
      visitorName,
    };
    for (const m of MEASURES) if (episodeCounts(m, e, next)) row[`m_${m}`] = true;
    rows.push(row);
  });
  return rows;
}
