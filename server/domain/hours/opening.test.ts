import { describe, expect, it } from 'vitest';
import { alwaysOpenSchedule } from '../../../shared/config/hours';
import { at, everyDay, officeHours, schedule, weekdaysOnly } from './fixtures';
import { isOpenAt, nextOpening, nextOpeningFor } from './opening';

const newYork = schedule('America/New_York', everyDay(officeHours));
const berlin = schedule('Europe/Berlin', weekdaysOnly(officeHours));
const sydney = schedule('Australia/Sydney', weekdaysOnly(officeHours));
const lateNewYork = schedule('America/New_York', everyDay({ start: '22:00', end: '02:00' }));
const gapShift = schedule('America/New_York', { sun: [{ start: '02:30', end: '05:00' }] });
const berlinNight = schedule('Europe/Berlin', everyDay({ start: '22:00', end: '02:00' }));
// Berlin's October switch repeats 02:00-03:00 (CEST, then CET).
const berlinRepeatedHour = schedule('Europe/Berlin', { sun: [{ start: '02:00', end: '03:00' }] });
const christmas = schedule('Europe/Berlin', everyDay({ start: '00:00', end: '24:00' }), { holidays: ['2024-12-25'] });
const christmasEve = schedule('Europe/Berlin', everyDay({ start: '22:00', end: '02:00' }), { holidays: ['2024-12-25'] });
const noHours = schedule('Europe/Berlin', {});

describe('isOpenAt', () => {
  it.each([
    { given: 'New York 09-17, spring-forward day', schedule: newYork, when: '2024-03-10T12:59:00Z', expected: false },
    { given: 'New York 09-17, spring-forward day', schedule: newYork, when: '2024-03-10T13:00:00Z', expected: true },
    { given: 'New York 09-17, spring-forward day', schedule: newYork, when: '2024-03-10T20:59:00Z', expected: true },
    { given: 'New York 09-17, spring-forward day', schedule: newYork, when: '2024-03-10T21:00:00Z', expected: false },
    { given: 'New York 09-17, fall-back day', schedule: newYork, when: '2024-11-03T13:30:00Z', expected: false },
    { given: 'New York 09-17, fall-back day', schedule: newYork, when: '2024-11-03T14:00:00Z', expected: true },
    { given: 'New York 09-17, fall-back day', schedule: newYork, when: '2024-11-03T21:59:00Z', expected: true },
    { given: 'New York 09-17, fall-back day', schedule: newYork, when: '2024-11-03T22:00:00Z', expected: false },
    { given: 'Berlin weekdays, Friday before spring-forward', schedule: berlin, when: '2024-03-29T08:00:00Z', expected: true },
    { given: 'Berlin weekdays, Monday after spring-forward', schedule: berlin, when: '2024-04-01T07:00:00Z', expected: true },
    { given: 'Berlin weekdays, Monday after spring-forward', schedule: berlin, when: '2024-04-01T06:59:00Z', expected: false },
    { given: 'Berlin weekdays, Saturday', schedule: berlin, when: '2024-03-30T12:00:00Z', expected: false },
    { given: 'Berlin weekdays, Friday before fall-back (09:00 CEST)', schedule: berlin, when: '2024-10-25T07:00:00Z', expected: true },
    { given: 'Berlin weekdays, Friday before fall-back', schedule: berlin, when: '2024-10-25T06:59:00Z', expected: false },
    { given: 'Berlin weekdays, Monday after fall-back (09:00 CET)', schedule: berlin, when: '2024-10-28T08:00:00Z', expected: true },
    { given: 'Berlin weekdays, Monday after fall-back', schedule: berlin, when: '2024-10-28T07:59:00Z', expected: false },
    { given: 'Berlin weekdays, Monday after fall-back (16:59 CET)', schedule: berlin, when: '2024-10-28T15:59:00Z', expected: true },
    { given: 'Berlin weekdays, Monday after fall-back (17:00 CET)', schedule: berlin, when: '2024-10-28T16:00:00Z', expected: false },
    { given: 'Berlin 22-02, night into fall-back (01:59 CEST)', schedule: berlinNight, when: '2024-10-26T23:59:00Z', expected: true },
    { given: 'Berlin 22-02, night into fall-back (the first 02:00)', schedule: berlinNight, when: '2024-10-27T00:00:00Z', expected: false },
    {
      given: 'Berlin 22-02, night into fall-back (the second 02:30)',
      schedule: berlinNight,
      when: '2024-10-27T01:30:00Z',
      expected: false,
    },
    {
      given: 'a 02:00-03:00 shift on Berlin fall-back day, 01:59 CEST',
      schedule: berlinRepeatedHour,
      when: '2024-10-26T23:59:00Z',
      expected: false,
    },
    {
      given: 'a 02:00-03:00 shift on Berlin fall-back day, 02:30 CEST',
      schedule: berlinRepeatedHour,
      when: '2024-10-27T00:30:00Z',
      expected: true,
    },
    {
      given: 'a 02:00-03:00 shift on Berlin fall-back day, 02:30 CET',
      schedule: berlinRepeatedHour,
      when: '2024-10-27T01:30:00Z',
      expected: true,
    },
    {
      given: 'a 02:00-03:00 shift on Berlin fall-back day, 03:00 CET',
      schedule: berlinRepeatedHour,
      when: '2024-10-27T02:00:00Z',
      expected: false,
    },
    { given: 'Sydney weekdays, Monday after April fall-back', schedule: sydney, when: '2024-04-07T23:00:00Z', expected: true },
    { given: 'Sydney weekdays, Friday before April fall-back', schedule: sydney, when: '2024-04-04T22:00:00Z', expected: true },
    { given: 'Sydney weekdays, Friday before April fall-back', schedule: sydney, when: '2024-04-04T21:59:00Z', expected: false },
    { given: 'Sydney weekdays, Monday after October spring-forward', schedule: sydney, when: '2024-10-06T22:00:00Z', expected: true },
    { given: 'New York 22-02, night into spring-forward', schedule: lateNewYork, when: '2024-03-10T06:59:00Z', expected: true },
    { given: 'New York 22-02, night into spring-forward', schedule: lateNewYork, when: '2024-03-10T07:00:00Z', expected: false },
    { given: 'New York 22-02, night into fall-back (01:30 EST)', schedule: lateNewYork, when: '2024-11-03T06:30:00Z', expected: true },
    { given: 'New York 22-02, night into fall-back', schedule: lateNewYork, when: '2024-11-03T07:00:00Z', expected: false },
    { given: 'a 02:30 shift on spring-forward day, 01:59 EST', schedule: gapShift, when: '2024-03-10T06:59:00Z', expected: false },
    { given: 'a 02:30 shift on spring-forward day, 03:00 EDT', schedule: gapShift, when: '2024-03-10T07:00:00Z', expected: true },
    { given: 'Berlin round the clock, the evening before a holiday', schedule: christmas, when: '2024-12-24T22:59:00Z', expected: true },
    { given: 'Berlin round the clock, midnight starting the holiday', schedule: christmas, when: '2024-12-24T23:00:00Z', expected: false },
    { given: 'Berlin round the clock, midnight ending the holiday', schedule: christmas, when: '2024-12-25T23:00:00Z', expected: true },
    { given: 'Berlin 22-02, a night shift running into a holiday', schedule: christmasEve, when: '2024-12-24T22:30:00Z', expected: true },
    { given: 'Berlin 22-02, a night shift running into a holiday', schedule: christmasEve, when: '2024-12-24T23:30:00Z', expected: false },
    { given: 'a schedule with no hours', schedule: noHours, when: '2024-06-03T10:00:00Z', expected: false },
  ])('$given: at $when open is $expected', ({ schedule: s, when, expected }) => {
    expect(isOpenAt(s, at(when))).toBe(expected);
  });
});

describe('nextOpening', () => {
  it.each([
    { given: 'open now', schedule: berlin, when: '2024-04-01T10:00:00Z', expected: '2024-04-01T10:00:00.000Z' },
    { given: 'the instant of closing', schedule: berlin, when: '2024-04-01T15:00:00Z', expected: '2024-04-02T07:00:00.000Z' },
    {
      given: 'Berlin Friday evening before spring-forward',
      schedule: berlin,
      when: '2024-03-29T17:00:00Z',
      expected: '2024-04-01T07:00:00.000Z',
    },
    {
      given: 'Berlin Friday evening before fall-back',
      schedule: berlin,
      when: '2024-10-25T17:00:00Z',
      expected: '2024-10-28T08:00:00.000Z',
    },
    {
      given: 'the day before a 02:00 shift on Berlin fall-back day (the first 02:00)',
      schedule: berlinRepeatedHour,
      when: '2024-10-26T12:00:00Z',
      expected: '2024-10-27T00:00:00.000Z',
    },
    {
      given: 'Sydney Friday evening before October spring-forward',
      schedule: sydney,
      when: '2024-10-04T08:00:00Z',
      expected: '2024-10-06T22:00:00.000Z',
    },
    { given: 'New York 22-02 in the afternoon', schedule: lateNewYork, when: '2024-03-09T20:00:00Z', expected: '2024-03-10T03:00:00.000Z' },
    {
      given: 'the night before a 02:30 shift on spring-forward day',
      schedule: gapShift,
      when: '2024-03-10T04:00:00Z',
      expected: '2024-03-10T07:00:00.000Z',
    },
    {
      given: 'Berlin round the clock, during the holiday',
      schedule: christmas,
      when: '2024-12-25T12:00:00Z',
      expected: '2024-12-25T23:00:00.000Z',
    },
    {
      given: 'Mondays only, with three Monday holidays in a row',
      schedule: schedule('Europe/Berlin', { mon: [officeHours] }, { holidays: ['2024-06-03', '2024-06-10', '2024-06-17'] }),
      when: '2024-06-01T00:00:00Z',
      expected: '2024-06-24T07:00:00.000Z',
    },
    {
      given: 'a closure until Wednesday noon',
      schedule: schedule('Europe/Berlin', weekdaysOnly(officeHours), {
        closures: [{ start: '2024-06-03T00:00:00+02:00', end: '2024-06-05T12:00:00+02:00' }],
      }),
      when: '2024-06-03T08:00:00Z',
      expected: '2024-06-05T10:00:00.000Z',
    },
  ])('$given: opens at $expected', ({ schedule: s, when, expected }) => {
    expect(nextOpening(s, at(when))?.toISOString()).toBe(expected);
  });

  it.each([
    { given: 'a schedule with no hours at all', schedule: noHours },
    {
      given: 'hours but a closure longer than the horizon',
      schedule: schedule('Europe/Berlin', weekdaysOnly(officeHours), {
        closures: [{ start: '2024-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' }],
      }),
    },
  ])('$given: never opens (null)', ({ schedule: s }) => {
    expect(nextOpening(s, at('2024-06-03T08:00:00Z'))).toBeNull();
  });
});

describe('nextOpeningFor', () => {
  it.each([
    {
      given: 'Berlin open on a Monday',
      schedule: berlin,
      when: '2024-04-01T10:00:00Z',
      expected: { open: true, closesAt: '2024-04-01T15:00:00.000Z' },
    },
    {
      given: 'Berlin closed on a Saturday',
      schedule: berlin,
      when: '2024-03-30T10:00:00Z',
      expected: { open: false, nextOpenAt: '2024-04-01T07:00:00.000Z' },
    },
    {
      given: 'a round-the-clock schedule',
      schedule: alwaysOpenSchedule,
      when: '2024-04-01T10:00:00Z',
      expected: { open: true, closesAt: null },
    },
    {
      given: 'New York 22-02, open across midnight',
      schedule: lateNewYork,
      when: '2024-11-03T04:00:00Z',
      expected: { open: true, closesAt: '2024-11-03T07:00:00.000Z' },
    },
    {
      given: 'Berlin 22-02 on the fall-back night',
      schedule: berlinNight,
      when: '2024-10-26T22:00:00Z',
      expected: { open: true, closesAt: '2024-10-27T00:00:00.000Z' },
    },
    {
      given: 'Berlin 02:00-03:00 in the repeated hour',
      schedule: berlinRepeatedHour,
      when: '2024-10-27T00:30:00Z',
      expected: { open: true, closesAt: '2024-10-27T02:00:00.000Z' },
    },
    { given: 'no hours at all', schedule: noHours, when: '2024-04-01T10:00:00Z', expected: { open: false, nextOpenAt: null } },
    {
      given: 'Berlin open until a closure this afternoon',
      schedule: schedule('Europe/Berlin', weekdaysOnly(officeHours), {
        closures: [{ start: '2024-04-01T14:00:00+02:00', end: '2024-04-02T00:00:00+02:00' }],
      }),
      when: '2024-04-01T10:00:00Z',
      expected: { open: true, closesAt: '2024-04-01T12:00:00.000Z' },
    },
    {
      given: 'New York open until local midnight (24:00)',
      schedule: schedule('America/New_York', { mon: [{ start: '20:00', end: '24:00' }] }),
      when: '2024-06-04T01:00:00Z',
      expected: { open: true, closesAt: '2024-06-04T04:00:00.000Z' },
    },
  ])('$given: tells the widget $expected', ({ schedule: s, when, expected }) => {
    expect(nextOpeningFor(s, at(when))).toEqual(expected);
  });
});
