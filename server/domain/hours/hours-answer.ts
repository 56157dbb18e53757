import type { Schedule } from '../../../shared/config/hours';
import type { WidgetLocale } from '../../../shared/widget-locales';
import { fill, hoursPhrases } from './hours-phrases';
import { hasAnyHours, openIntervals } from './intervals';
import { addLocalDays, localDateOf, localToInstant } from './local-time';
import { nextOpeningFor } from './opening';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Holidays and closures this close are worth mentioning in an hours answer. */
export const HOURS_ANSWER_CLOSURE_DAYS = 14;

export interface HoursAnswerInput {
  schedule: Schedule;
  now: Date;
  /** The visitor's IANA zone; the schedule's own when absent or unknown. */
  visitorTimeZone: string | null | undefined;
  locale: WidgetLocale;
}

/**
 * The bot's answer to "when are you open?", written from the configured schedule: the weekly
 * hours in the visitor's zone, whether the team is there now (until when, or back when) and the
 * holidays and closures coming up, in the visitor's language.
 */
export function describeOpeningHours({ schedule, now, visitorTimeZone, locale }: HoursAnswerInput): string {
  const words = hoursPhrases[locale];
  if (!hasAnyHours(schedule)) return words.noHours;
  const zone = visitorTimeZone && isKnownZone(visitorTimeZone) ? visitorTimeZone : schedule.timeZone;
  const clock = clockIn(zone, locale);
  const week = weeklyPattern(schedule, now, zone);
  const closed = upcomingClosures(schedule, now, zone, locale);
  if (week === 'always') return [words.aroundTheClock, closed ? fill(words.closedOn, { dates: closed }) : ''].filter(Boolean).join(' ');
  const zoneLabel = fill(zone === visitorTimeZone ? words.yourZone : words.siteZone, { tz: zone });
  const parts = [fill(words.weekly, { schedule: describeWeek(week, clock, words.dayRange, locale), zone: zoneLabel })];
  const status = nextOpeningFor(schedule, now);
  if (status.open) {
    const closesSoon = status.closesAt && Date.parse(status.closesAt) - now.getTime() < DAY_MS;
    parts.push(closesSoon ? fill(words.openUntil, { time: clock.time(new Date(status.closesAt!)) }) : words.openNow);
  } else {
    parts.push(
      status.nextOpenAt ? fill(words.closedUntil, { when: clock.dayAndTime(new Date(status.nextOpenAt)) }) : words.closedNoReopening,
    );
  }
  if (closed) parts.push(fill(words.closedOn, { dates: closed }));
  return parts.join(' ');
}

interface LocalSpan {
  /** 0 = Monday … 6 = Sunday, in the visitor's zone. */
  day: number;
  start: Date;
  end: Date;
}

/** One typical week (holidays and closures left out) as spans starting on each of the visitor's local days. */
function weeklyPattern(schedule: Schedule, now: Date, zone: string): LocalSpan[] | 'always' {
  const typical: Schedule = { ...schedule, holidays: [], closures: [] };
  const today = localDateOf(now, zone);
  const from = localToInstant(today, '00:00', zone);
  const to = localToInstant(addLocalDays(today, 7), '00:00', zone);
  // Look a day further both ways so a shift over midnight is whole, and count it on the day it starts.
  const spans = openIntervals(typical, new Date(from.getTime() - DAY_MS), new Date(to.getTime() + DAY_MS));
  if (spans.some((s) => s.end.getTime() - s.start.getTime() >= WEEK_MS)) return 'always';
  return spans
    .filter((s) => s.start >= from && s.start < to)
    .map((s) => ({ day: mondayIndex(s.start, zone), start: s.start, end: s.end }))
    .sort((a, b) => a.day - b.day || a.start.getTime() - b.start.getTime());
}

function describeWeek(spans: LocalSpan[], clock: Clock, dayRange: string, locale: WidgetLocale): string {
  const byDay: string[][] = Array.from({ length: 7 }, () => []);
  for (const s of spans) {
    const long = s.end.getTime() - s.start.getTime() > DAY_MS;
    byDay[s.day]!.push(long ? `${clock.time(s.start)}–${clock.dayAndTime(s.end)}` : `${clock.time(s.start)}–${clock.time(s.end, true)}`);
  }
  const groups: { first: number; last: number; hours: string }[] = [];
  byDay.forEach((hours, day) => {
    if (hours.length === 0) return;
    const text = hours.join(', ');
    const last = groups.at(-1);
    if (last && last.last === day - 1 && last.hours === text) last.last = day;
    else groups.push({ first: day, last: day, hours: text });
  });
  const list = new Intl.ListFormat(locale, { type: 'unit', style: 'long' });
  return list.format(
    groups.map((g) => {
      const days =
        g.first === g.last
          ? weekdayName(g.first, locale)
          : fill(dayRange, { from: weekdayName(g.first, locale), to: weekdayName(g.last, locale) });
      return `${days} ${g.hours}`;
    }),
  );
}

/** Holidays (site-local dates) and closures starting within the next two weeks, as "25 December, 26 December". */
function upcomingClosures(schedule: Schedule, now: Date, zone: string, locale: WidgetLocale): string | null {
  const today = localDateOf(now, schedule.timeZone);
  const horizon = addLocalDays(today, HOURS_ANSWER_CLOSURE_DAYS);
  const dateLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const holidays = schedule.holidays
    .filter((d) => d >= today && d <= horizon)
    .sort()
    .map((d) => dateLabel.format(new Date(`${d}T12:00:00Z`)));
  const clock = clockIn(zone, locale);
  const closures = schedule.closures
    .filter((c) => Date.parse(c.end) > now.getTime() && Date.parse(c.start) < now.getTime() + HOURS_ANSWER_CLOSURE_DAYS * DAY_MS)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    .map(
      (c) =>
        `${clock.date(new Date(c.start))} ${clock.time(new Date(c.start))}–${clock.date(new Date(c.end))} ${clock.time(new Date(c.end))}`,
    );
  const all = [...holidays, ...closures];
  return all.length > 0 ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(all) : null;
}

interface Clock {
  /** 24-hour "09:00"; `asEnd` writes a closing at midnight as "24:00". */
  time(instant: Date, asEnd?: boolean): string;
  dayAndTime(instant: Date): string;
  date(instant: Date): string;
}

function clockIn(timeZone: string, locale: WidgetLocale): Clock {
  const hm = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone });
  const time = (instant: Date, asEnd = false) => {
    const text = hm.format(instant);
    return asEnd && text === '00:00' ? '24:00' : text;
  };
  return { time, dayAndTime: (instant) => `${weekday.format(instant)} ${time(instant)}`, date: (instant) => date.format(instant) };
}

// 2024-01-01 was a Monday: day i of that week names weekday i in any language.
function weekdayName(mondayIndexed: number, locale: WidgetLocale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + mondayIndexed, 12)));
}

function mondayIndex(instant: Date, zone: string): number {
  const label = localDateOf(instant, zone);
  return (new Date(`${label}T12:00:00Z`).getUTCDay() + 6) % 7;
}

function isKnownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
