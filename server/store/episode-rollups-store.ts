import type { Filter, UpdateFilter } from 'mongodb';
import type { Collections } from './database';
import type { EpisodeRollupDoc } from './documents';
import type { RollupChange } from '../domain/insights/rollup';
import type { EpisodeRow } from '../domain/insights/episode-row';

export interface RollupQuery {
  siteId: string;
  fromDay: string;
  toDay: string;
  /** Only this operator's rows (their own work); the site rows when absent. */
  operatorId?: string;
  queue?: string;
  trigger?: string;
}

/** The Insights counters (domain/insights/rollup.ts): $inc with upsert, which MongoDB and FerretDB both apply. */
export function episodeRollupsStore(c: Collections) {
  const col = c.episodeRollups;
  return {
    /** One update command for all of a change's rows (a site row and, once someone took it, an operator row). */
    async apply(changes: readonly RollupChange[]): Promise<void> {
      if (changes.length === 0) return;
      await col.bulkWrite(
        changes.map((ch) => ({
          updateOne: { filter: { _id: ch.id }, update: { $inc: ch.inc, $setOnInsert: { ...ch.key } } as UpdateFilter<EpisodeRollupDoc>, upsert: true },
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
    /** Writes the rows of the episodes that changed (domain/insights/episode-row.ts), one command. */
    async saveRows(rows: readonly EpisodeRow[]): Promise<void> {
      if (rows.length === 0) return;
      await c.episodeRows.bulkWrite(rows.map((row) => ({ replaceOne: { filter: { _id: row._id }, replacement: row, upsert: true } })), { ordered: false });
    },
    /** The newest `limit` episode rows that count in `measure`, within the query's days and filters. */
    rowsFor(q: RollupQuery & { measure: string }, limit: number): Promise<EpisodeRow[]> {
      const filter: Filter<EpisodeRow> = {
        siteId: q.siteId,
        day: { $gte: q.fromDay, $lte: q.toDay },
        [`m_${q.measure}`]: true,
        ...(q.operatorId ? { operatorId: q.operatorId } : {}),
        ...(q.queue ? { queue: q.queue } : {}),
        ...(q.trigger ? { trigger: q.trigger } : {}),
      };
      return c.episodeRows.find(filter).sort({ startedAt: -1 }).limit(limit).toArray();
    },
    /** A site's episode rows that started within the days, for the weekly review sample. */
    rowsOfDays(siteId: string, fromDay: string, toDay: string): Promise<EpisodeRow[]> {
      return c.episodeRows.find({ siteId, day: { $gte: fromDay, $lte: toDay } }).toArray();
    },
    get(episodeId: string): Promise<EpisodeRow | null> {
      return c.episodeRows.findOne({ _id: episodeId });
    },
    count(): Promise<number> {
      return col.countDocuments({});
    },
  };
}
