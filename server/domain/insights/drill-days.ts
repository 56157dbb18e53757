import { COUNTS, type Measure } from './measures';
import type { RollupRow } from './figures';
import { countField } from './rollup';

/** How many episodes a rollup row counts in `measure`: its n_ counter, or the sum of its duration buckets. */
export function countIn(row: RollupRow, measure: Measure): number {
  if (measure in COUNTS) return Number(row[countField(measure as keyof typeof COUNTS)] ?? 0);
  const prefix = `h_${measure}_`;
  let n = 0;
  for (const [field, v] of Object.entries(row)) if (field.startsWith(prefix)) n += Number(v);
  return n;
}

/**
 * The days that hold the episodes behind a figure, newest first, in rounds: each round the fewest
 * newest days whose counted episodes reach `limit` (the rollups count exactly the episodes the rows
 * flag, domain/insights/measures.ts), so the drill-down reads the rows of those days only and skips
 * the days that counted none. A later round is read only if a round came up short (counters that
 * missed a change).
 */
export function drillDayRounds(rows: readonly RollupRow[], measure: Measure, limit: number): string[][] {
  const perDay = new Map<string, number>();
  for (const row of rows) {
    const n = countIn(row, measure);
    if (n > 0) perDay.set(row.day, (perDay.get(row.day) ?? 0) + n);
  }
  const rounds: string[][] = [];
  let round: string[] = [];
  let counted = 0;
  for (const day of [...perDay.keys()].sort().reverse()) {
    round.push(day);
    counted += perDay.get(day) ?? 0;
    if (counted >= limit) {
      rounds.push(round);
      round = [];
      counted = 0;
    }
  }
  if (round.length > 0) rounds.push(round);
  return rounds;
}
