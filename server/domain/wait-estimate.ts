import type { WaitEstimate } from '../../shared/entities';

export interface OperatorLoad {
  capacity: number;
  /** Conversations the operator owns now. */
  active: number;
}

export interface WaitInput {
  /** 1-based place in the ordered queue. */
  position: number;
  queueOpen: boolean;
  /** Online members of the queue (not away, not offline). */
  operators: readonly OperatorLoad[];
  /** Escalation-to-claim waits of recent conversations, in seconds. */
  recentClaimWaitsSeconds: readonly number[];
  /** Claim-to-resolution times of recent conversations, in seconds. */
  recentHandleTimesSeconds: readonly number[];
}

/** Below this many recent samples a number would be invented, so the estimate says it does not know. */
export const MIN_SAMPLES = 5;
/** The range aims to hold the real wait this often (the middle 80% of the modelled wait). */
export const COVERAGE = { low: 0.1, high: 0.9 } as const;

export function estimateWait(input: WaitInput): WaitEstimate {
  if (!input.queueOpen) return { kind: 'unknown', reason: 'closed' };
  const capacity = sum(input.operators.map((o) => Math.max(0, o.capacity)));
  if (capacity === 0) return { kind: 'unknown', reason: 'nobody_online' };
  const free = sum(input.operators.map((o) => Math.max(0, o.capacity - o.active)));
  const overload = sum(input.operators.map((o) => Math.max(0, o.active - o.capacity)));
  // Completions needed before a slot is free for this visitor: everyone ahead takes a free slot first.
  const completionsNeeded = Math.max(0, input.position - free + overload);
  const pickups = pickupDelays(input.recentClaimWaitsSeconds.filter(isWait));
  const handles = input.recentHandleTimesSeconds.filter((s) => isWait(s) && s > 0);
  if (pickups.length < MIN_SAMPLES) return { kind: 'unknown', reason: 'too_little_data' };
  if (completionsNeeded > 0 && handles.length < MIN_SAMPLES) return { kind: 'unknown', reason: 'too_little_data' };
  const busy = Math.max(sum(input.operators.map((o) => o.active)), capacity);
  const secondsPerCompletion = completionsNeeded > 0 ? mean(handles) / busy : 0;
  const cdf = waitCdf(completionsNeeded, secondsPerCompletion, pickups);
  const low = quantile(cdf, COVERAGE.low);
  const high = quantile(cdf, COVERAGE.high);
  const minMinutes = Math.floor(low / 60);
  return { kind: 'range', minMinutes, maxMinutes: Math.max(Math.ceil(high / 60), minMinutes + 1) };
}

const isWait = (s: number) => Number.isFinite(s) && s >= 0;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]) => sum(xs) / xs.length;

/**
 * Claim waits mix the pickup delay with time spent queueing behind others; the queueing part is modelled
 * separately, so long waits beyond Tukey's fence (Q3 + 1.5 IQR) are dropped from the pickup sample.
 */
function pickupDelays(claimWaits: readonly number[]): number[] {
  const sorted = [...claimWaits].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))] ?? 0;
  const fence = at(0.75) + 1.5 * (at(0.75) - at(0.25));
  const kept = sorted.filter((s) => s <= fence);
  // Evenly spaced quantiles stand in for a long sample, bounding the work per estimate.
  if (kept.length <= MAX_PICKUP_POINTS) return kept;
  return Array.from({ length: MAX_PICKUP_POINTS }, (_, i) => kept[Math.round((i * (kept.length - 1)) / (MAX_PICKUP_POINTS - 1))]!);
}

const MAX_PICKUP_POINTS = 50;

/** P(wait <= t): the time until enough conversations finish (Erlang), plus a pickup delay as recently seen. */
function waitCdf(completions: number, secondsPerCompletion: number, pickups: readonly number[]): (t: number) => number {
  return (t) => mean(pickups.map((p) => erlangCdf(t - p, completions, secondsPerCompletion)));
}

// Busy slots finish after roughly memoryless handle times, so the k-th completion is Erlang(k).
// Terms are summed in log space so a long queue cannot underflow e^-x.
function erlangCdf(t: number, k: number, scale: number): number {
  if (t < 0) return 0;
  if (k === 0) return 1;
  const x = t / scale;
  if (x === 0) return 0;
  let logTerm = -x;
  let below = 0;
  for (let n = 0; n < k; n++) {
    below += Math.exp(logTerm);
    logTerm += Math.log(x / (n + 1));
  }
  return Math.min(1, Math.max(0, 1 - below));
}

function quantile(cdf: (t: number) => number, p: number): number {
  let low = 0;
  let high = 60;
  while (cdf(high) < p) high *= 2;
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (cdf(mid) >= p) high = mid;
    else low = mid;
  }
  return high;
}
