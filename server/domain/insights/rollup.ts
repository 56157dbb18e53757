import type { HandoffEpisode } from '../../entities/episode';
import { bucketOf } from './buckets';
import { COUNTS, type CountMeasure, DURATIONS, type DurationMeasure, SUMS, type SumMeasure, dayOf, triggerOf } from './measures';

// Rollups: one counter document per (site, day in the site's zone (measures.ts dayOf), trigger, queue, language) and one per
// (site, day, trigger, queue, operator), kept by $inc as episodes change. A change is applied as the
// difference between what the episodes counted before and after it, so an episode that moves queue,
// gets a rating or is followed by a reopening moves its counts with it. Pure: the shell applies them.

export interface RollupKey {
  siteId: string;
  /** 'site' rows answer an admin; 'operator' rows answer an operator about their own work. */
  scope: 'site' | 'operator';
  day: string;
  trigger: string;
  queue: string;
  language: string;
  operatorId: string | null;
}

/** Counter field names: n_<count>, s_<sum>, h_<duration>_<bucket>. */
export const countField = (m: CountMeasure) => `n_${m}`;
export const sumField = (m: SumMeasure) => `s_${m}`;
export const bucketField = (m: DurationMeasure, bucket: number) => `h_${m}_${String(bucket).padStart(2, '0')}`;

export interface RollupChange {
  key: RollupKey;
  id: string;
  inc: Record<string, number>;
}

export const rollupId = (k: RollupKey) => [k.siteId, k.scope, k.day, k.trigger, k.queue, k.language, k.operatorId ?? ''].join('|');

function countersOf(e: HandoffEpisode, next: HandoffEpisode | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [m, counts] of Object.entries(COUNTS)) if (counts(e, next)) out[countField(m as CountMeasure)] = 1;
  for (const [m, sum] of Object.entries(SUMS)) {
    const v = sum(e);
    if (v) out[sumField(m as SumMeasure)] = v;
  }
  for (const [m, duration] of Object.entries(DURATIONS)) {
    const v = duration(e);
    if (v !== null) out[bucketField(m as DurationMeasure, bucketOf(v))] = 1;
  }
  return out;
}

function keysOf(siteId: string, e: HandoffEpisode): RollupKey[] {
  const day = dayOf(e);
  if (!day) return [];
  const base = {
    siteId,
    day,
    trigger: triggerOf(e),
    queue: e.queue ?? 'none',
    language: e.language ?? 'unknown',
  };
  const site: RollupKey = { ...base, scope: 'site', operatorId: null };
  const operatorId = e.operatorId ?? null;
  return operatorId ? [site, { ...base, scope: 'operator', language: 'any', operatorId }] : [site];
}

function contributions(siteId: string, episodes: readonly HandoffEpisode[] | undefined): Map<string, RollupChange> {
  const out = new Map<string, RollupChange>();
  const list = episodes ?? [];
  list.forEach((e, i) => {
    const counters = countersOf(e, list[i + 1]);
    for (const key of keysOf(siteId, e)) {
      const id = rollupId(key);
      const row = out.get(id) ?? { key, id, inc: {} };
      for (const [f, v] of Object.entries(counters)) row.inc[f] = (row.inc[f] ?? 0) + v;
      out.set(id, row);
    }
  });
  return out;
}

/** The increments that take the rollups from counting `before` to counting `after`; only non-zero ones. */
export function rollupDelta(
  siteId: string,
  before: readonly HandoffEpisode[] | undefined,
  after: readonly HandoffEpisode[] | undefined,
): RollupChange[] {
  const was = contributions(siteId, before);
  const now = contributions(siteId, after);
  const changes: RollupChange[] = [];
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const key = (now.get(id) ?? was.get(id))?.key;
    if (!key) continue;
    const inc: Record<string, number> = {};
    const a = was.get(id)?.inc ?? {};
    const b = now.get(id)?.inc ?? {};
    for (const f of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = (b[f] ?? 0) - (a[f] ?? 0);
      if (d !== 0) inc[f] = d;
    }
    if (Object.keys(inc).length > 0) changes.push({ key, id, inc });
  }
  return changes;
}
