import type { Schedule } from '../../../shared/config/hours';
import { addLocalDays, type LocalDate, localDateOf, localToInstant, weekdayOf } from './local-time';

/** A span of instants [start, end) during which people are at work. */
export interface OpenInterval {
  start: Date;
  end: Date;
}

interface Span {
  start: number;
  end: number;
}

export function hasAnyHours(schedule: Schedule): boolean {
  return Object.values(schedule.weekly).some((shifts) => shifts.length > 0);
}

function shiftSpans(schedule: Schedule, day: LocalDate): Span[] {
  const { timeZone } = schedule;
  return schedule.weekly[weekdayOf(day)].map((shift) => {
    // An end at or before the start belongs to the next day: 22:00-02:00 runs past midnight, 00:00-00:00 is 24 hours.
    const endDay = shift.end <= shift.start ? addLocalDays(day, 1) : day;
    return {
      start: localToInstant(day, shift.start, timeZone).getTime(),
      end: localToInstant(endDay, shift.end, timeZone).getTime(),
    };
  });
}

/** When the last shift that starts on `day` ends (maybe after midnight), ignoring holidays and closures. */
export function lastShiftEnd(schedule: Schedule, day: LocalDate): Date | null {
  const ends = shiftSpans(schedule, day).map((s) => s.end);
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

function closedSpans(schedule: Schedule, firstDay: LocalDate, lastDay: LocalDate): Span[] {
  const holidays = schedule.holidays
    .filter((day) => day >= firstDay && day <= lastDay)
    .map((day) => ({
      start: localToInstant(day, '00:00', schedule.timeZone).getTime(),
      end: localToInstant(addLocalDays(day, 1), '00:00', schedule.timeZone).getTime(),
    }));
  const closures = schedule.closures.map((c) => ({ start: Date.parse(c.start), end: Date.parse(c.end) }));
  return [...holidays, ...closures].filter((s) => s.end > s.start);
}

function subtract(spans: Span[], cuts: Span[]): Span[] {
  return cuts.reduce(
    (rest, cut) =>
      rest.flatMap((s) => {
        if (cut.end <= s.start || cut.start >= s.end) return [s];
        const pieces: Span[] = [];
        if (cut.start > s.start) pieces.push({ start: s.start, end: cut.start });
        if (cut.end < s.end) pieces.push({ start: cut.end, end: s.end });
        return pieces;
      }),
    spans,
  );
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Opening hours as instants within [from, to), merged where shifts touch or overlap,
 * with holidays (whole local days) and closures cut out.
 */
export function openIntervals(schedule: Schedule, from: Date, to: Date): OpenInterval[] {
  if (to <= from) return [];
  // The day before `from` may hold a shift that runs past midnight into the window.
  const firstDay = addLocalDays(localDateOf(from, schedule.timeZone), -1);
  const lastDay = localDateOf(to, schedule.timeZone);
  const shifts: Span[] = [];
  for (let day = firstDay; day <= lastDay; day = addLocalDays(day, 1)) shifts.push(...shiftSpans(schedule, day));
  const open = merge(
    subtract(
      shifts.filter((s) => s.end > s.start),
      closedSpans(schedule, firstDay, lastDay),
    ),
  );
  return open
    .map((s) => ({ start: Math.max(s.start, from.getTime()), end: Math.min(s.end, to.getTime()) }))
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
}
