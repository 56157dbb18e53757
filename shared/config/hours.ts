import * as z from 'zod/mini';

const HhMm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/));

/** One opening window in the schedule's local time; an `end` at or before `start` runs past midnight (00:00-00:00 is 24 hours). */
export const Shift = z.object({ start: HhMm, end: HhMm });
export type Shift = z.infer<typeof Shift>;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const Day = z._default(z.array(Shift), []);

export const WeeklyHours = z.object({
  mon: Day,
  tue: Day,
  wed: Day,
  thu: Day,
  fri: Day,
  sat: Day,
  sun: Day,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export const Schedule = z.object({
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: z.string().check(z.minLength(1), z.maxLength(64), z.refine(isKnownTimeZone, 'Unknown IANA time zone')),
  weekly: WeeklyHours,
  /** Whole local days closed, as YYYY-MM-DD in the schedule's zone. */
  holidays: z._default(z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))), []),
  /** One-off closures as ISO instants [start, end). */
  closures: z._default(
    z.array(z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }), label: z.optional(z.string()) })),
    [],
  ),
});
export type Schedule = z.infer<typeof Schedule>;

const officeDay = [{ start: '09:00', end: '17:00' }];

export const defaultSchedule: Schedule = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: officeDay, tue: officeDay, wed: officeDay, thu: officeDay, fri: officeDay, sat: [], sun: [] },
  holidays: [],
  closures: [],
};

export const alwaysOpenSchedule: Schedule = {
  timeZone: 'UTC',
  weekly: Object.fromEntries(weekdays.map((d) => [d, [{ start: '00:00', end: '24:00' }]])) as WeeklyHours,
  holidays: [],
  closures: [],
};
