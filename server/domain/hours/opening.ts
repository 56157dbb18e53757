import type { Schedule } from '../../../shared/config/hours';
import { hasAnyHours, type OpenInterval, openIntervals } from './intervals';

const DAY_MS = 86_400_000;
const CHUNK_DAYS = 7;

/**
 * How far nextOpening looks ahead. A year covers any list of holidays and seasonal closures;
 * a schedule with no opening within it is treated as having no hours at all.
 */
export const NEXT_OPENING_HORIZON_DAYS = 366;
/** How far ahead an open queue looks for its closing time; past this it reports no closing. */
export const CLOSING_HORIZON_DAYS = 14;

/** Merged opening intervals from `from` onward, computed a week at a time so the first answer is cheap. */
function* intervalsAhead(schedule: Schedule, from: Date, horizonDays: number): Generator<OpenInterval> {
  const horizonEnd = from.getTime() + horizonDays * DAY_MS;
  let pending: OpenInterval | null = null;
  for (let chunk = from.getTime(); chunk < horizonEnd; chunk += CHUNK_DAYS * DAY_MS) {
    const chunkEnd = Math.min(chunk + CHUNK_DAYS * DAY_MS, horizonEnd);
    for (const interval of openIntervals(schedule, new Date(chunk), new Date(chunkEnd))) {
      if (pending && pending.end.getTime() === interval.start.getTime()) {
        pending = { start: pending.start, end: interval.end };
        continue;
      }
      if (pending) yield pending;
      pending = interval;
    }
  }
  if (pending) yield pending;
}

export function isOpenAt(schedule: Schedule, instant: Date): boolean {
  return openIntervals(schedule, instant, new Date(instant.getTime() + 1)).length > 0;
}

/**
 * The earliest instant at or after `instant` when the schedule is open: `instant` itself when open now,
 * null when nothing opens within NEXT_OPENING_HORIZON_DAYS (or the week has no hours at all).
 */
export function nextOpening(schedule: Schedule, instant: Date): Date | null {
  if (!hasAnyHours(schedule)) return null;
  const first = intervalsAhead(schedule, instant, NEXT_OPENING_HORIZON_DAYS).next();
  return first.done ? null : first.value.start;
}

/** What the widget needs to say "back at …" or "open until …"; instants are ISO UTC, to be shown in the visitor's zone. */
export type Availability = { open: true; closesAt: string | null } | { open: false; nextOpenAt: string | null };

export function nextOpeningFor(schedule: Schedule, instant: Date): Availability {
  if (!isOpenAt(schedule, instant)) {
    const opensAt = nextOpening(schedule, instant);
    return { open: false, nextOpenAt: opensAt ? opensAt.toISOString() : null };
  }
  const horizonEnd = instant.getTime() + CLOSING_HORIZON_DAYS * DAY_MS;
  const current = intervalsAhead(schedule, instant, CLOSING_HORIZON_DAYS).next();
  const closesAt = current.done || current.value.end.getTime() >= horizonEnd ? null : current.value.end.toISOString();
  return { open: true, closesAt };
}
