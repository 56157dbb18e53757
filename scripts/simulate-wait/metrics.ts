import type { WaitEstimate } from '../../shared/entities';

export interface Scored {
  estimate: WaitEstimate;
  actualSeconds: number;
}

export interface Summary {
  count: number;
  /** Share of arrivals shown a range rather than "unknown". */
  numericShare: number;
  /** Absolute error of the range's midpoint against the real wait, in minutes. */
  medianErrorMinutes: number;
  p90ErrorMinutes: number;
  /** Share of real waits inside the range shown. */
  coverage: number;
  /** Mean width of the ranges shown, in minutes. */
  meanWidthMinutes: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

export function summarize(scored: readonly Scored[]): Summary {
  const ranged = scored.flatMap((s) => (s.estimate.kind === 'range' ? [{ range: s.estimate, actual: s.actualSeconds / 60 }] : []));
  const errors = ranged.map(({ range, actual }) => Math.abs((range.minMinutes + range.maxMinutes) / 2 - actual)).sort((a, b) => a - b);
  const inside = ranged.filter(({ range, actual }) => actual >= range.minMinutes && actual <= range.maxMinutes).length;
  const share = (n: number, of: number) => (of === 0 ? Number.NaN : n / of);
  return {
    count: scored.length,
    numericShare: share(ranged.length, scored.length),
    medianErrorMinutes: percentile(errors, 0.5),
    p90ErrorMinutes: percentile(errors, 0.9),
    coverage: share(inside, ranged.length),
    meanWidthMinutes: share(
      ranged.reduce((total, { range }) => total + range.maxMinutes - range.minMinutes, 0),
      ranged.length,
    ),
  };
}
