import type { EpisodeRow } from './episode-row';

/**
 * The drill-down's own index: one bucket document per (site, measure, UTC day, UTC hour), `_id`
 * `site|measure|day|hh`, listing the episode rows that count in that measure and started in that
 * hour. The drill-down reads buckets by `_id` only, because FerretDB 1.24 uses no secondary index
 * (an equality on `episode_rows` scans the whole table). An hour keeps a bucket small enough to
 * rewrite on each change; a bucket takes at most DRILL_BUCKET_CAP entries (see drill-buckets-store.ts).
 */
export const DRILL_BUCKET_CAP = 2000;

/** One row's place in a bucket: its id, and when it started (the listing's order). */
export interface BucketEntry {
  id: string;
  at: Date;
}

/**
 * A bucket keeps its entries as fields (`entries.<key>: at`), so joining and leaving are a $set and
 * an $unset of one field, exact and idempotent; a field name may hold neither '.' nor a leading '$'.
 */
export const entryKey = (rowId: string): string => rowId.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/\$/g, '%24');
export const rowIdOf = (key: string): string => key.replace(/%2E/g, '.').replace(/%24/g, '$').replace(/%25/g, '%');

/** A bucket's entries, newest first. */
export const entriesOf = (entries: Record<string, Date>): BucketEntry[] =>
  Object.entries(entries)
    .map(([key, at]) => ({ id: rowIdOf(key), at: new Date(at) }))
    .sort((a, b) => b.at.getTime() - a.at.getTime());

export interface BucketPlacement {
  bucketId: string;
  entry: BucketEntry;
}

export const drillBucketId = (siteId: string, measure: string, day: string, hour: string): string => `${siteId}|${measure}|${day}|${hour}`;

const HOURS_NEWEST_FIRST = Array.from({ length: 24 }, (_, i) => String(23 - i).padStart(2, '0'));

/** The buckets of one measure on one day, latest hour first. */
export const dayBucketIds = (siteId: string, measure: string, day: string): string[] =>
  HOURS_NEWEST_FIRST.map((hour) => drillBucketId(siteId, measure, day, hour));

/** The buckets a row belongs to: one per measure it counts in, at the hour it started. */
export function bucketsOf(row: EpisodeRow): BucketPlacement[] {
  const hour = row.startedAt.toISOString().slice(11, 13);
  const entry = { id: row._id, at: row.startedAt };
  return Object.keys(row)
    .filter((k) => k.startsWith('m_') && row[k as `m_${string}`] === true)
    .map((k) => ({ bucketId: drillBucketId(row.siteId, k.slice(2), row.day, hour), entry }));
}

/** What a row's write (or deletion, `after` null) changes in the buckets: places it left, places it joined. */
export function bucketMoves(before: EpisodeRow | null, after: EpisodeRow | null): { leave: BucketPlacement[]; join: BucketPlacement[] } {
  const key = (p: BucketPlacement) => `${p.bucketId}@${p.entry.id}@${p.entry.at.getTime()}`;
  const was = before ? bucketsOf(before) : [];
  const is = after ? bucketsOf(after) : [];
  const wasKeys = new Set(was.map(key));
  const isKeys = new Set(is.map(key));
  return { leave: was.filter((p) => !isKeys.has(key(p))), join: is.filter((p) => !wasKeys.has(key(p))) };
}
