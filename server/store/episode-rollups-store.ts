import type { Filter, UpdateFilter } from 'mongodb';
import type { Collections } from './database';
import type { EpisodeRollupDoc } from './documents';
import type { RollupChange } from '../domain/insights/rollup';
import type { EpisodeRow } from '../domain/insights/episode-row';
import { drillDayRounds } from '../domain/insights/drill-days';
import type { RollupRow } from '../domain/insights/figures';
import type { Measure } from '../domain/insights/measures';

export interface RollupQuery {
  siteId: string;
  fromDay: string;
  toDay: string;
  /** Only this operator's rows (their own work); the site rows when absent. */
  operatorId?: string;
  queue?: string;
  trigger?: string;
}

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
  function find(q: RollupQuery): Promise<EpisodeRollupDoc[]> {
    const filter: Filter<EpisodeRollupDoc> = {
      siteId: q.siteId,
      scope: q.operatorId ? 'operator' : 'site',
      day: { $gte: q.fromDay, $lte: q.toDay },
      ...(q.operatorId ? { operatorId: q.operatorId } : {}),
      ...(q.queue ? { queue: q.queue } : {}),
      ...(q.trigger ? { trigger: q.trigger } : {}),
    };
    return col.find(filter, { projection: { _id: 0 } }).toArray();
  }
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
    find,
    /** Writes the rows of the episodes that changed (domain/insights/episode-row.ts), one command. */
    async saveRows(rows: readonly EpisodeRow[]): Promise<void> {
      if (rows.length === 0) return;
      await c.episodeRows.bulkWrite(
        rows.map((row) => ({ replaceOne: { filter: { _id: row._id }, replacement: row, upsert: true } })),
        { ordered: false },
      );
    },
    /**
     * The newest `limit` episode rows that count in `measure`, within the query's days and filters.
     * FerretDB 1.24 pushes equality down to PostgreSQL as a JSON containment (`@>`), which no index
     * serves, `_id` included: every query of `episode_rows` is a scan of the table, and one ranged,
     * sorted query a scan decoded row by row in FerretDB. So the rows are read by whole days, one
     * equality query per day (filters included), and only on the days the Insights counters say hold
     * such episodes, newest first, until `limit` are found (domain/insights/drill-days.ts).
     */
    async rowsFor(q: RollupQuery & { measure: string }, limit: number): Promise<EpisodeRow[]> {
      const base: Filter<EpisodeRow> = {
        siteId: q.siteId,
        [`m_${q.measure}`]: true,
        ...(q.operatorId ? { operatorId: q.operatorId } : {}),
        ...(q.queue ? { queue: q.queue } : {}),
        ...(q.trigger ? { trigger: q.trigger } : {}),
      };
      const rounds = drillDayRounds((await find(q)) as RollupRow[], q.measure as Measure, limit);
      const found: EpisodeRow[] = [];
      for (const round of rounds) {
        const perDay = await Promise.all(round.map((day) => c.episodeRows.find({ ...base, day }).toArray()));
        for (const rows of perDay) found.push(...rows);
        if (found.length >= limit) break;
      }
      return found.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()).slice(0, limit);
    },
    /** A site's episode rows that started within the days (a week, for the review sample), one equality match per day as rowsFor reads them. */
    async rowsOfDays(siteId: string, fromDay: string, toDay: string): Promise<EpisodeRow[]> {
      const perDay = await Promise.all(daysNewestFirst(fromDay, toDay).map((day) => c.episodeRows.find({ siteId, day }).toArray()));
      return perDay.flat();
    },
    /** The visitor's name on every row of one conversation: an equality on a top-level field, which FerretDB pushes down. */
    async renameVisitor(conversationId: string, visitorName: string | null): Promise<void> {
      await c.episodeRows.updateMany({ conversationId }, { $set: { visitorName } });
    },
    get(episodeId: string): Promise<EpisodeRow | null> {
      return c.episodeRows.findOne({ _id: episodeId });
    },
    count(): Promise<number> {
      return col.countDocuments({});
    },
  };
}
