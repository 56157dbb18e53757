import type { Urgency } from '../../shared/entities';
import { exponential, logNormal, pick, type Random } from './prng';

const H = 3600;
const M = 60;

export interface Span {
  start: number;
  end: number;
}

export interface SimOperator {
  id: string;
  capacity: number;
  shift: Span;
  /** Times the operator is away (lunch, a meeting, a short break), seconds of the day. */
  away: Span[];
}

export interface Arrival {
  id: string;
  at: number;
  urgency: Urgency;
  handleSeconds: number;
}

export interface Scenario {
  open: Span;
  operators: SimOperator[];
  arrivals: Arrival[];
  /** How long an idle operator takes to accept an offer (longer with each chat on their hands), and how often they let it lapse. */
  offer: { medianSeconds: number; sigma: number; timeoutSeconds: number; lapseRate: number };
}

/** Arrivals per hour from 08:00 to 20:00: a morning and an afternoon peak, as support desks see. */
const arrivalsPerHour = [14, 30, 42, 46, 36, 34, 44, 42, 32, 24, 16, 10];
/** An incident: for half an hour twice as many people ask for help. */
const surge: Span & { factor: number } = { start: 14.5 * H, end: 15 * H, factor: 2 };

const team: readonly [string, number, number, number, number][] = [
  // id, capacity, shift start, shift end, lunch start (hours)
  ['ana', 3, 7.9, 16, 12],
  ['ben', 3, 8, 16.5, 12.5],
  ['cem', 2, 9, 17.5, 13],
  ['dia', 3, 10, 18.5, 14],
  ['eli', 3, 12, 20.5, 16.5],
  ['fay', 2, 14, 21, 18],
];

function rateAt(t: number): number {
  const base = (arrivalsPerHour[Math.floor((t - 8 * H) / H)] ?? 0) / H;
  return t >= surge.start && t < surge.end ? base * surge.factor : base;
}

/** One synthetic day, entirely decided by the random source. */
export function syntheticDay(random: Random): Scenario {
  const open = { start: 8 * H, end: 20 * H };
  const operators = team.map(([id, capacity, from, to, lunch]) => {
    const shift = { start: from * H, end: to * H };
    const shortBreaks = [0, 1].map(() => {
      const start = shift.start + random() * (shift.end - shift.start - 15 * M);
      return { start, end: start + (5 + random() * 10) * M };
    });
    return { id, capacity, shift, away: [{ start: lunch * H, end: lunch * H + 30 * M }, ...shortBreaks] };
  });
  // Thinning: draw at the peak rate and keep each arrival with probability rate(t) / peak.
  const peak = Math.max(...arrivalsPerHour) * surge.factor;
  const arrivals: Arrival[] = [];
  for (let t = open.start + exponential(random, H / peak); t < open.end; t += exponential(random, H / peak)) {
    if (random() >= (rateAt(t) * H) / peak) continue;
    arrivals.push({
      id: `c${arrivals.length + 1}`,
      at: Math.round(t),
      urgency: pick(random, [
        ['normal', 85],
        ['high', 8],
        ['low', 4],
        ['urgent', 3],
      ] as const),
      handleSeconds: Math.round(logNormal(random, 10 * M, 0.7)),
    });
  }
  return { open, operators, arrivals, offer: { medianSeconds: 10, sigma: 0.6, timeoutSeconds: 30, lapseRate: 0.05 } };
}
