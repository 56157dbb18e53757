import type { Schedule, Shift, WeeklyHours } from '../../../shared/config/hours';
import { weekdays } from '../../../shared/config/hours';

/** Test schedules: every day not given is closed. */
export function schedule(timeZone: string, days: Partial<WeeklyHours>, extra: Partial<Schedule> = {}): Schedule {
  const weekly = Object.fromEntries(weekdays.map((d) => [d, days[d] ?? []])) as WeeklyHours;
  return { timeZone, weekly, holidays: [], closures: [], ...extra };
}

export function everyDay(...shifts: Shift[]): WeeklyHours {
  return Object.fromEntries(weekdays.map((d) => [d, shifts])) as WeeklyHours;
}

export const officeHours: Shift = { start: '09:00', end: '17:00' };
export const weekdaysOnly = (shift: Shift): Partial<WeeklyHours> => ({
  mon: [shift],
  tue: [shift],
  wed: [shift],
  thu: [shift],
  fri: [shift],
});

export const at = (iso: string) => new Date(iso);
