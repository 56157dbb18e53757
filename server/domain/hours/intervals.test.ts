import { describe, expect, it } from 'vitest';
import { alwaysOpenSchedule } from '../../../shared/config/hours';
import { at, everyDay, officeHours, schedule } from './fixtures';
import { openIntervals } from './intervals';

const iso = (intervals: { start: Date; end: Date }[]) => intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe('openIntervals', () => {
  it.each([
    {
      given: 'New York 09-17 over the spring-forward weekend',
      schedule: schedule('America/New_York', everyDay(officeHours)),
      from: '2024-03-09T00:00:00Z',
      to: '2024-03-11T00:00:00Z',
      expected: [
        ['2024-03-09T14:00:00.000Z', '2024-03-09T22:00:00.000Z'],
        ['2024-03-10T13:00:00.000Z', '2024-03-10T21:00:00.000Z'],
      ],
    },
    {
      given: 'New York 22-02 over the fall-back night (five real hours)',
      schedule: schedule('America/New_York', { sat: [{ start: '22:00', end: '02:00' }] }),
      from: '2024-11-02T00:00:00Z',
      to: '2024-11-04T00:00:00Z',
      expected: [['2024-11-03T02:00:00.000Z', '2024-11-03T07:00:00.000Z']],
    },
    {
      given: 'New York 22-02 over the spring-forward night (four real hours)',
      schedule: schedule('America/New_York', { sat: [{ start: '22:00', end: '02:00' }] }),
      from: '2024-03-09T00:00:00Z',
      to: '2024-03-11T00:00:00Z',
      expected: [['2024-03-10T03:00:00.000Z', '2024-03-10T07:00:00.000Z']],
    },
    {
      given: 'an ambiguous 01:30 start on fall-back day (first occurrence)',
      schedule: schedule('America/New_York', { sun: [{ start: '01:30', end: '03:00' }] }),
      from: '2024-11-03T00:00:00Z',
      to: '2024-11-04T00:00:00Z',
      expected: [['2024-11-03T05:30:00.000Z', '2024-11-03T08:00:00.000Z']],
    },
    {
      given: 'whole days that touch, merged into one interval',
      schedule: schedule('Europe/Berlin', { mon: [{ start: '00:00', end: '24:00' }], tue: [{ start: '00:00', end: '24:00' }] }),
      from: '2024-06-01T00:00:00Z',
      to: '2024-06-08T00:00:00Z',
      expected: [['2024-06-02T22:00:00.000Z', '2024-06-04T22:00:00.000Z']],
    },
    {
      given: 'overlapping shifts on one day',
      schedule: schedule('Europe/Berlin', { mon: [officeHours, { start: '16:00', end: '20:00' }] }),
      from: '2024-06-03T00:00:00Z',
      to: '2024-06-04T00:00:00Z',
      expected: [['2024-06-03T07:00:00.000Z', '2024-06-03T18:00:00.000Z']],
    },
    {
      given: 'a closure over lunch',
      schedule: schedule(
        'Europe/Berlin',
        { mon: [officeHours] },
        { closures: [{ start: '2024-06-03T12:00:00+02:00', end: '2024-06-03T13:00:00+02:00', label: 'Team meeting' }] },
      ),
      from: '2024-06-03T00:00:00Z',
      to: '2024-06-04T00:00:00Z',
      expected: [
        ['2024-06-03T07:00:00.000Z', '2024-06-03T10:00:00.000Z'],
        ['2024-06-03T11:00:00.000Z', '2024-06-03T15:00:00.000Z'],
      ],
    },
    {
      given: 'a Sydney holiday, read as a local day',
      schedule: schedule('Australia/Sydney', everyDay(officeHours), { holidays: ['2024-04-25'] }),
      from: '2024-04-23T20:00:00Z',
      to: '2024-04-26T20:00:00Z',
      expected: [
        ['2024-04-23T23:00:00.000Z', '2024-04-24T07:00:00.000Z'],
        ['2024-04-25T23:00:00.000Z', '2024-04-26T07:00:00.000Z'],
      ],
    },
    {
      given: 'a round-the-clock schedule, clipped to the window',
      schedule: alwaysOpenSchedule,
      from: '2024-06-03T10:15:00Z',
      to: '2024-06-05T10:15:00Z',
      expected: [['2024-06-03T10:15:00.000Z', '2024-06-05T10:15:00.000Z']],
    },
    {
      given: 'an empty window',
      schedule: alwaysOpenSchedule,
      from: '2024-06-03T10:15:00Z',
      to: '2024-06-03T10:15:00Z',
      expected: [],
    },
  ])('$given', ({ schedule: s, from, to, expected }) => {
    expect(iso(openIntervals(s, at(from), at(to)))).toEqual(expected);
  });
});
