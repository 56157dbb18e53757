// Durations are counted in fixed buckets so a percentile needs only the bucket counts, which a
// rollup can keep by incrementing: no database ever sorts a million durations.

/** Upper bounds in seconds; the last bucket is everything longer. */
export const BUCKET_BOUNDS_S = [
  5, 10, 20, 30, 45, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800, 14400, 21600, 43200, 86400,
  172800,
] as const;
export const BUCKET_COUNT = BUCKET_BOUNDS_S.length + 1;

/** The bucket a duration in ms falls in. */
export function bucketOf(ms: number): number {
  const s = Math.max(0, ms) / 1000;
  const i = BUCKET_BOUNDS_S.findIndex((bound) => s <= bound);
  return i === -1 ? BUCKET_BOUNDS_S.length : i;
}

/**
 * The q-quantile (0..1) in seconds, interpolated linearly inside the bucket that holds it; null
 * when nothing was counted. The open last bucket answers its lower bound.
 */
export function quantileOf(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : (BUCKET_BOUNDS_S[i - 1] ?? 0);
      const upper = BUCKET_BOUNDS_S[i];
      if (upper === undefined) return lower;
      return lower + ((rank - seen) / n) * (upper - lower);
    }
    seen += n;
  }
  return BUCKET_BOUNDS_S.at(-1) ?? null;
}
