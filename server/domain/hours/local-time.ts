import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';
import type { Weekday } from '../../../shared/config/hours';

/** A calendar date in some zone, as YYYY-MM-DD. */
export type LocalDate = string;

const MINUTE_MS = 60_000;
const weekdayByUtcDay: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return formatInTimeZone(instant, timeZone, 'yyyy-MM-dd');
}

// Pure calendar arithmetic on a date label: no instant or offset is involved, so UTC is only a neutral calendar.
function calendarDay(date: LocalDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const day = calendarDay(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export function weekdayOf(date: LocalDate): Weekday {
  return weekdayByUtcDay[calendarDay(date).getUTCDay()]!;
}

const wallClock = (instant: Date, timeZone: string) => formatInTimeZone(instant, timeZone, "yyyy-MM-dd'T'HH:mm");

/**
 * The first instant at which the zone's wall clock reads `time` on `date` or later.
 * A time skipped by a spring-forward switch therefore maps to the moment the clock jumps
 * (02:30 on a 02:00->03:00 day opens at 03:00); a repeated time maps to its first occurrence.
 * '24:00' is the next day's 00:00.
 */
export function localToInstant(date: LocalDate, time: string, timeZone: string): Date {
  if (time === '24:00') return localToInstant(addLocalDays(date, 1), '00:00', timeZone);
  const target = `${date}T${time}`;
  const guess = fromZonedTime(`${target}:00`, timeZone);
  if (Number.isNaN(guess.getTime())) throw new RangeError(`Unknown time zone "${timeZone}"`);
  if (wallClock(guess, timeZone) === target) {
    // Of a repeated time date-fns-tz may give the second occurrence (it does for Europe/Berlin's
    // 02:00-03:00 in October, not for New York's 01:00-02:00); the first reads the same up to 2 h earlier.
    for (const minutesBack of [120, 60, 30]) {
      const earlier = new Date(guess.getTime() - minutesBack * MINUTE_MS);
      if (wallClock(earlier, timeZone) === target) return earlier;
    }
    return guess;
  }
  // date-fns-tz resolves a skipped time to an instant before the gap; search the gap for where the clock passes `time`.
  let before = guess.getTime() - 6 * 60 * MINUTE_MS;
  let after = guess.getTime() + 6 * 60 * MINUTE_MS;
  while (after - before > MINUTE_MS) {
    const mid = before + Math.max(1, Math.floor((after - before) / 2 / MINUTE_MS)) * MINUTE_MS;
    if (wallClock(new Date(mid), timeZone) >= target) after = mid;
    else before = mid;
  }
  return new Date(after);
}
