import type { WaitEstimate } from '../../shared/entities';
import { type AssignmentCandidate, chooseAssignee } from '../../server/domain/assignment';
import { orderQueue } from '../../server/domain/queue-order';
import { estimateWait, type WaitInput } from '../../server/domain/wait-estimate';
import { logNormal, type Random } from './prng';
import type { Arrival, Scenario, SimOperator, Span } from './scenario';

/** What the visitor was shown on arrival and what then happened. */
export interface Observation {
  id: string;
  at: number;
  position: number;
  estimate: WaitEstimate;
  input: WaitInput;
  /** Seconds from arrival to claim; null if nobody claimed it before the day ended. */
  actualSeconds: number | null;
}

/** Matches the shell's statistics window (server/flows/handoff/availability.ts). */
export const STATS_WINDOW_SECONDS = 2 * 3600;
const DAY_END = 24 * 3600;

interface Waiting extends Arrival {
  waitingSince: string;
  declined: string[];
}
interface Offer {
  conversation: Waiting;
  operatorId: string;
  respondsAt: number;
  accepts: boolean;
}

const within = (t: number, span: Span) => t >= span.start && t < span.end;
const isOnline = (op: SimOperator, t: number) => within(t, op.shift) && !op.away.some((a) => within(t, a));
const iso = (t: number) => new Date(Date.UTC(2024, 5, 3) + t * 1000).toISOString();

/** Replays the day second by second through the real queue order, assignment and estimate. */
export function runDay(scenario: Scenario, random: Random): Observation[] {
  const active = new Map<string, { end: number; seconds: number }[]>(scenario.operators.map((op) => [op.id, []]));
  const claims: { at: number; wait: number }[] = [];
  const handles: { at: number; seconds: number }[] = [];
  const observations = new Map<string, Observation>();
  const recentAssignees: string[] = [];
  let queue: Waiting[] = [];
  let offers: Offer[] = [];
  let next = 0;

  const load = (op: SimOperator) => (active.get(op.id)?.length ?? 0) + offers.filter((o) => o.operatorId === op.id).length;

  for (let t = 0; t < DAY_END; t++) {
    for (const op of scenario.operators) {
      const ends = active.get(op.id)!;
      for (const end of ends.filter((e) => e.end <= t)) handles.push({ at: t, seconds: end.seconds });
      active.set(
        op.id,
        ends.filter((e) => e.end > t),
      );
    }
    for (const offer of offers.filter((o) => o.respondsAt <= t)) {
      const { conversation } = offer;
      if (offer.accepts) {
        const wait = t - conversation.at;
        claims.push({ at: t, wait });
        observations.get(conversation.id)!.actualSeconds = wait;
        active.get(offer.operatorId)!.push({ end: t + conversation.handleSeconds, seconds: conversation.handleSeconds });
      } else {
        queue.push({ ...conversation, declined: [...conversation.declined, offer.operatorId] });
      }
    }
    offers = offers.filter((o) => o.respondsAt > t);

    const operators = () => scenario.operators.filter((op) => isOnline(op, t)).map((op) => ({ capacity: op.capacity, active: load(op) }));
    for (; next < scenario.arrivals.length && scenario.arrivals[next]!.at <= t; next++) {
      const arrival = scenario.arrivals[next]!;
      const waiting: Waiting = { ...arrival, waitingSince: iso(arrival.at), declined: [] };
      queue.push(waiting);
      const position = orderQueue(queue).find((w) => w.id === arrival.id)!.position;
      const input: WaitInput = {
        position,
        queueOpen: within(t, scenario.open),
        operators: operators(),
        recentClaimWaitsSeconds: claims.filter((c) => c.at > t - STATS_WINDOW_SECONDS).map((c) => c.wait),
        recentHandleTimesSeconds: handles.filter((h) => h.at > t - STATS_WINDOW_SECONDS).map((h) => h.seconds),
      };
      observations.set(arrival.id, { id: arrival.id, at: t, position, estimate: estimateWait(input), input, actualSeconds: null });
    }

    for (;;) {
      const head = orderQueue(queue)[0];
      if (!head) break;
      const candidates: AssignmentCandidate[] = scenario.operators.map((op) => ({
        operatorId: op.id,
        presence: isOnline(op, t) ? 'online' : 'offline',
        capacity: op.capacity,
        active: load(op),
      }));
      // When everyone free has declined, a new round of offers starts rather than leaving the visitor stuck.
      const chosen =
        chooseAssignee(candidates, { declined: head.declined, recentAssignees }) ??
        chooseAssignee(candidates, { declined: [], recentAssignees });
      if (!chosen) break;
      recentAssignees.push(chosen.operatorId);
      queue = queue.filter((w) => w.id !== head.id);
      const { medianSeconds, sigma, timeoutSeconds, lapseRate } = scenario.offer;
      const responds = logNormal(random, medianSeconds * (1 + chosen.active), sigma);
      const accepts = responds < timeoutSeconds && random() >= lapseRate;
      offers.push({
        conversation: head,
        operatorId: chosen.operatorId,
        respondsAt: t + Math.ceil(accepts ? responds : timeoutSeconds),
        accepts,
      });
    }
    if (next >= scenario.arrivals.length && queue.length === 0 && offers.length === 0 && t > scenario.open.end) break;
  }
  return [...observations.values()];
}
