import type { Schedule } from '../../../shared/config/hours';
import type { CallbackSlot } from '../../../shared/entities';
import { lastShiftEnd, openIntervals } from './intervals';
import { addLocalDays, localDateOf, localToInstant } from './local-time';
import { nextOpening } from './opening';

const MINUTE_MS = 60_000;

/** A person needs a moment to see a booking; a slot starting sooner could not be honoured. */
export const CALLBACK_LEAD_MINUTES = 15;

/**
 * Callback slots of `slotMinutes` wholly inside opening hours, none starting before `from` + lead time.
 * The window covers `days` local days in the schedule's zone, counted from the day of the next opening,
 * so a visitor on a closed weekend still gets Monday's slots; a shift running past midnight counts
 * for the day it starts on. Slots step from each opening's start (or local midnight for hours that
 * run round the clock) and are ISO UTC instants.
 */
export function callbackSlots(
  schedule: Schedule,
  from: Date,
  days: number,
  slotMinutes = 30,
  max = Number.POSITIVE_INFINITY,
  leadMinutes = CALLBACK_LEAD_MINUTES,
): CallbackSlot[] {
  if (!(slotMinutes > 0)) throw new RangeError('slotMinutes must be positive');
  if (days <= 0 || max <= 0) return [];
  const earliest = from.getTime() + leadMinutes * MINUTE_MS;
  const first = nextOpening(schedule, new Date(earliest));
  if (!first) return [];
  const { timeZone } = schedule;
  const firstDay = localDateOf(first, timeZone);
  const windowStart = localToInstant(addLocalDays(firstDay, -1), '00:00', timeZone);
  const lastDay = addLocalDays(firstDay, days - 1);
  const midnight = localToInstant(addLocalDays(lastDay, 1), '00:00', timeZone).getTime();
  // A night shift belongs to the day it starts on: the window runs to its end, past midnight.
  const windowEnd = Math.max(midnight, lastShiftEnd(schedule, lastDay)?.getTime() ?? midnight);
  const step = slotMinutes * MINUTE_MS;
  const slots: CallbackSlot[] = [];
  for (const interval of openIntervals(schedule, windowStart, new Date(windowEnd))) {
    const anchor = Math.ceil(interval.start.getTime() / MINUTE_MS) * MINUTE_MS;
    const skip = Math.max(0, Math.ceil((earliest - anchor) / step));
    for (let start = anchor + skip * step; start + step <= interval.end.getTime(); start += step) {
      slots.push({ start: new Date(start).toISOString(), end: new Date(start + step).toISOString() });
      if (slots.length >= max) return slots;
    }
  }
  return slots;
}
