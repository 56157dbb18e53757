import { type Collection, MongoBulkWriteError } from 'mongodb';
import { bucketMoves, DRILL_BUCKET_CAP, entryKey, type BucketPlacement } from '../domain/insights/drill-buckets';
import type { EpisodeRow } from '../domain/insights/episode-row';
import type { Collections } from './database';

const DUPLICATE_KEY = 11000;
/** Concurrent `_id` lookups at most: each is a primary-key read on FerretDB. */
const LOOKUPS_AT_ONCE = 32;

/**
 * Documents by `_id`, in the order asked, missing ones left out: findOne each, a bounded number at
 * once, since `_id` equality is what FerretDB 1.24 answers from its primary key.
 */
export async function byIds<T extends { _id: string }>(col: Collection<T>, ids: readonly string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += LOOKUPS_AT_ONCE) {
    const found = await Promise.all(ids.slice(i, i + LOOKUPS_AT_ONCE).map((_id) => col.findOne({ _id } as never)));
    for (const doc of found) if (doc) out.push(doc as T);
  }
  return out;
}

/**
 * Keeps the drill-down's buckets in step with the episode rows: single-document atomic updates
 * only ($set/$unset of one entry with upsert), which MongoDB and FerretDB both apply. A row that is written
 * again with the same measures changes nothing here.
 */
export function drillBucketsStore(c: Collections) {
  const col = c.drillBuckets;
  const field = (p: BucketPlacement) => `entries.${entryKey(p.entry.id)}`;
  /** Into each bucket unless already there or full, one command for all. */
  async function join(placements: readonly BucketPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    try {
      await col.bulkWrite(
        placements.map((p) => ({
          updateOne: {
            filter: { _id: p.bucketId, n: { $lt: DRILL_BUCKET_CAP }, [field(p)]: { $exists: false } },
            update: { $set: { [field(p)]: p.entry.at }, $inc: { n: 1 } },
            upsert: true,
          },
        })),
        { ordered: false },
      );
    } catch (error) {
      // Already there, or the bucket is full: that upsert's insert meets the existing _id. A full
      // bucket's further episodes still count in the figure; the drill-down lists the hour's first
      // DRILL_BUCKET_CAP episodes of that measure.
      const errors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
      if (errors.length === 0 || errors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
    }
  }
  async function leave(placements: readonly BucketPlacement[]): Promise<void> {
    if (placements.length === 0) return;
    await col.bulkWrite(
      placements.map((p) => ({
        updateOne: { filter: { _id: p.bucketId, [field(p)]: { $exists: true } }, update: { $unset: { [field(p)]: '' }, $inc: { n: -1 } } },
      })),
      { ordered: false },
    );
  }
  return {
    /** After rows were replaced (`before` as they were, null when new) or deleted (`after` null). */
    async move(changes: readonly { before: EpisodeRow | null; after: EpisodeRow | null }[]): Promise<void> {
      const moves = changes.map((ch) => bucketMoves(ch.before, ch.after));
      // Leaving first: a reader checks each listed row's flags, so a stale entry is skipped, never shown.
      await leave(moves.flatMap((m) => m.leave));
      await join(moves.flatMap((m) => m.join));
    },
    /** The buckets asked for, in that order (absent ones left out). */
    read(bucketIds: readonly string[]) {
      return byIds(col, bucketIds);
    },
  };
}
