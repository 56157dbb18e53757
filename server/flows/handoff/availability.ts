import type { Schedule } from '../../../shared/config/hours';
import type { WaitEstimate } from '../../../shared/entities';
import type { CallbackOffer } from '../../../shared/visitor-protocol';
import { callbackSlots, isOpenAt, nextOpening, queueSchedule } from '../../domain/hours';
import { estimateWait } from '../../domain/wait-estimate';
import type { Site } from '../../entities/site';
import type { FlowDeps } from '../../composition';
import { loadOperatorLoads } from './operator-load';

/** Claim and handle times older than this no longer describe the team on shift. */
const STATS_WINDOW_MS = 2 * 3600_000;

export interface QueueAvailability {
  open: boolean;
  schedule: Schedule;
  operators: { operatorId: string; capacity: number; active: number }[];
  recentClaimWaitsSeconds: number[];
  recentHandleTimesSeconds: number[];
}

export function scheduleFor(site: Site, queue: string): Schedule {
  return queueSchedule(site.config.hours, site.config.queues.find((q) => q.id === queue)?.hours);
}

/** Live data for one queue: the shell's half of the honest wait estimate. */
export async function loadAvailability(deps: FlowDeps, site: Site, queue: string): Promise<QueueAvailability> {
  const now = deps.clock.now();
  const schedule = scheduleFor(site, queue);
  const members = site.config.queues.find((q) => q.id === queue)?.members ?? [];
  const withLoad = (await loadOperatorLoads(deps, site._id, members)).filter((op) => op.presence === 'online');
  const recent = (await deps.store.conversations.recentlyEscalated(site._id, new Date(now.getTime() - STATS_WINDOW_MS))).filter(
    (c) => c.queue === queue,
  );
  const seconds = (a: Date | null, b: Date | null) => (a && b ? (b.getTime() - a.getTime()) / 1000 : null);
  return {
    open: isOpenAt(schedule, now),
    schedule,
    operators: withLoad,
    recentClaimWaitsSeconds: recent.map((c) => seconds(c.escalatedAt, c.claimedAt)).filter((s): s is number => s !== null),
    recentHandleTimesSeconds: recent.map((c) => seconds(c.claimedAt, c.resolvedAt)).filter((s): s is number => s !== null),
  };
}

export function estimateFor(availability: QueueAvailability, position: number): WaitEstimate {
  return estimateWait({
    position,
    queueOpen: availability.open,
    operators: availability.operators,
    recentClaimWaitsSeconds: availability.recentClaimWaitsSeconds,
    recentHandleTimesSeconds: availability.recentHandleTimesSeconds,
  });
}

/** Closed, or open with nobody online: never a fake promise, a callback offer instead. */
export function callbackOfferFor(availability: QueueAvailability, now: Date): CallbackOffer | null {
  const nobodyOnline = availability.operators.length === 0;
  if (availability.open && !nobodyOnline) return null;
  const next = availability.open ? null : nextOpening(availability.schedule, now);
  return {
    reason: availability.open ? 'nobody_online' : 'closed',
    // A short list reads better than a long one: hourly slots, the next dozen.
    slots: callbackSlots(availability.schedule, now, 7, 60, 12),
    siteTimeZone: availability.schedule.timeZone,
    nextOpenAt: next?.toISOString() ?? null,
  };
}
