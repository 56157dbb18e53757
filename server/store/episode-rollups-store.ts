import type { Filter, UpdateFilter } from 'mongodb';
import type { Collections } from './database';
import type { EpisodeRollupDoc } from './documents';
import type { RollupChange } from '../domain/insights/rollup';
import type { EpisodeRow } from '../domain/insights/episode-row';
import { dayBucketIds, entriesOf } from '../domain/insights/drill-buckets';
import { byIds, drillBucketsStore } from './drill-buckets-store';

export interface RollupQuery {
  siteId: string;
  fromDay: string;
  toDay: string;
  /** Only this operator's rows (their own work); the site rows when absent. */
  operatorId?: string;
  queue?: string;
  trigger?: string;
}

/** Rows fetched by `_id` at a time in the drill-down, so a filter that keeps few still stops early. */
const ROWS_PER_ROUND = 128;
const DAY_MS = 86_400_000;

/** Every UTC day from `toDay` back to `fromDay` (YYYY-MM-DD, as rows store them), newest first; at most ~3 years. */
function daysNewestFirst(fromDay: string, toDay: string): string[] {
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const days: string[] = [];
  for (let t = Date.parse(`${toDay}T00:00:00Z`); t >= from && days.length < 1100; t -= DAY_MS)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The Insights counters (domain/insights/rollup.ts): $inc with upsert, which MongoDB and FerretDB both apply. */
export function episodeRollupsStore(c: Collections) {
  const col = c.episodeRollups;
  const buckets = drillBucketsStore(c);
  return {
    /** One update command for all of a change's rows (a site row and, once someone took it, an operator row). */
    async apply(changes: readonly RollupChange[]): Promise<void> {
      if (changes.length === 0) return;
      await col.bulkWrite(
        changes.map((ch) => ({
          updateOne: {
            filter: { _id: ch.id },
            update: { $inc: ch.inc, $setOnInsert: { ...ch.key } } as UpdateFilter<EpisodeRollupDoc>,
            upsert: true,
          },
        })),
        { ordered: false },
      );
    },
    find(q: RollupQuery): Promise<EpisodeRollupDoc[]> {
      const filter: Filter<EpisodeRollupDoc> = {
        siteId: q.siteId,
        scope: q.operatorId ? 'operator' : 'site',
        day: { $gte: q.fromDay, $lte: q.toDay },
        ...(q.operatorId ? { operatorId: q.operatorId } : {}),
        ...(q.queue ? { queue: q.queue } : {}),
        ...(q.trigger ? { trigger: q.trigger } : {}),
      };
      return col.find(filter, { projection: { _id: 0 } }).toArray();
    },
    /**
     * Writes the rows of the episodes that changed (domain/insights/episode-row.ts), then moves them
     * between the drill-down's buckets: from where `previous` (the rows as the caller last wrote
     * them) had them, or, without it, where the stored rows are.
     */
    async saveRows(rows: readonly EpisodeRow[], previous?: readonly EpisodeRow[]): Promise<void> {
      if (rows.length === 0) return;
      const ids = rows.map((r) => r._id);
      const before = new Map((previous ?? (await byIds(c.episodeRows, ids))).map((r) => [r._id, r]));
      await c.episodeRows.bulkWrite(
        rows.map((row) => ({ replaceOne: { filter: { _id: row._id }, replacement: row, upsert: true } })),
        { ordered: false },
      );
      await buckets.move(rows.map((row) => ({ before: before.get(row._id) ?? null, after: row })));
    },
    /**
     * The newest `limit` episode rows that count in `measure`, within the query's days and filters.
     * Read by `_id` only (FerretDB 1.24 scans the whole table for any other filter): a day's hour
     * buckets (domain/insights/drill-buckets.ts), newest day first, then their rows, newest first,
     * kept when they still hold the measure and match the filters, until `limit` are found.
     */
    async rowsFor(q: RollupQuery & { measure: string }, limit: number): Promise<EpisodeRow[]> {
      const flag = `m_${q.measure}` as const;
      const keep = (row: EpisodeRow, day: string) =>
        row.siteId === q.siteId &&
        row.day === day &&
        row[flag] === true &&
        (!q.operatorId || row.operatorId === q.operatorId) &&
        (!q.queue || row.queue === q.queue) &&
        (!q.trigger || row.trigger === q.trigger);
      const found: EpisodeRow[] = [];
      for (const day of daysNewestFirst(q.fromDay, q.toDay)) {
        const dayBuckets = await buckets.read(dayBucketIds(q.siteId, q.measure, day));
        const ids = entriesOf(Object.assign({}, ...dayBuckets.map((b) => b.entries))).map((e) => e.id);
        for (let i = 0; i < ids.length && found.length < limit; i += ROWS_PER_ROUND) {
          const rows = await byIds(c.episodeRows, ids.slice(i, i + ROWS_PER_ROUND));
          for (const row of rows) if (found.length < limit && keep(row, day)) found.push(row);
        }
        if (found.length >= limit) break;
      }
      return found;
    },
    /** A site's episode rows that started within the days (a week, for the review sample), one equality match per day. */
    async rowsOfDays(siteId: string, fromDay: string, toDay: string): Promise<EpisodeRow[]> {
      const perDay = await Promise.all(daysNewestFirst(fromDay, toDay).map((day) => c.episodeRows.find({ siteId, day }).toArray()));
      return perDay.flat();
    },
    get(episodeId: string): Promise<EpisodeRow | null> {
      return c.episodeRows.findOne({ _id: episodeId });
    },
    count(): Promise<number> {
      return col.countDocuments({});
    },
  };
}
