import { naiveEstimate } from './baseline';
import { runDay } from './engine';
import { type Summary, summarize } from './metrics';
import { mulberry32 } from './prng';
import { syntheticDay } from './scenario';

export interface SimulationReport {
  seed: number;
  days: number;
  unserved: number;
  estimate: Summary;
  baseline: Summary;
  /** The same figures on arrivals that had to queue (more ahead of them than free slots). */
  queued: { estimate: Summary; baseline: Summary };
}

/** Replays `days` synthetic days from `seed`; the same seed always gives the same report. */
export function simulate(seed: number, days = 1): SimulationReport {
  const observations = Array.from({ length: days }, (_, day) => {
    const random = mulberry32(seed + day);
    return runDay(syntheticDay(random), random);
  }).flat();
  const served = observations.flatMap((o) => (o.actualSeconds === null ? [] : [{ ...o, actualSeconds: o.actualSeconds }]));
  const free = (o: (typeof served)[number]) => o.input.operators.reduce((n, op) => n + Math.max(0, op.capacity - op.active), 0);
  const naive = (list: typeof served) => list.map((o) => ({ estimate: naiveEstimate(o.input), actualSeconds: o.actualSeconds }));
  const queued = served.filter((o) => o.position > free(o));
  return {
    seed,
    days,
    unserved: observations.length - served.length,
    estimate: summarize(served),
    baseline: summarize(naive(served)),
    queued: { estimate: summarize(queued), baseline: summarize(naive(queued)) },
  };
}
