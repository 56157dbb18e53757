import { formatInTimeZone } from 'date-fns-tz';
import { describe, expect, it } from 'vitest';
import { alwaysOpenSchedule } from '../../../shared/config/hours';
import { callbackSlots } from './callback-slots';
import { at, everyDay, officeHours, schedule, weekdaysOnly } from './fixtures';

const berlin = schedule('Europe/Berlin', weekdaysOnly(officeHours));
const starts = (slots: { start: string }[]) => slots.map((s) => s.start);
const localStarts = (slots: { start: string }[], zone: string) =>
  slots.map((s) => formatInTimeZone(new Date(s.start), zone, 'EEE yyyy-MM-dd HH:mm'));

describe('callbackSlots', () => {
  it('starts at the next opening after a closed weekend and steps by the slot length', () => {
    const slots = callbackSlots(berlin, at('2024-03-29T17:00:00Z'), 1);
    expect(slots).toHaveLength(16);
    expect(slots[0]).toEqual({ start: '2024-04-01T07:00:00.000Z', end: '2024-04-01T07:30:00.000Z' });
    expect(slots.at(-1)).toEqual({ start: '2024-04-01T14:30:00.000Z', end: '2024-04-01T15:00:00.000Z' });
  });

  it('starts at the next opening after the weekend of the October fall-back, in CET', () => {
    const slots = callbackSlots(berlin, at('2024-10-25T17:00:00Z'), 1);
    expect(slots).toHaveLength(16);
    expect(slots[0]).toEqual({ start: '2024-10-28T08:00:00.000Z', end: '2024-10-28T08:30:00.000Z' });
    expect(slots.at(-1)).toEqual({ start: '2024-10-28T15:30:00.000Z', end: '2024-10-28T16:00:00.000Z' });
  });

  it.each([
    { given: 'Berlin, Monday 10:07 local', from: '2024-06-03T08:07:00Z', lead: 15, expected: '2024-06-03T08:30:00.000Z' },
    { given: 'Berlin, Monday 10:20 local', from: '2024-06-03T08:20:00Z', lead: 15, expected: '2024-06-03T09:00:00.000Z' },
    { given: 'Berlin, Monday 10:20 local, no lead time', from: '2024-06-03T08:20:00Z', lead: 0, expected: '2024-06-03T08:30:00.000Z' },
    { given: 'Berlin, Monday 16:50 local (too late today)', from: '2024-06-03T14:50:00Z', lead: 15, expected: '2024-06-04T07:00:00.000Z' },
  ])('$given with $lead min lead time: first slot at $expected, never in the past', ({ from, lead, expected }) => {
    const slots = callbackSlots(berlin, at(from), 2, 30, undefined, lead);
    expect(slots[0]?.start).toBe(expected);
    expect(slots.every((s) => Date.parse(s.start) >= Date.parse(from) + lead * 60_000)).toBe(true);
  });

  it('counts days from the next opening, skipping holidays and closures', () => {
    const s = schedule('Europe/Berlin', weekdaysOnly(officeHours), {
      holidays: ['2024-06-04'],
      closures: [{ start: '2024-06-05T09:00:00+02:00', end: '2024-06-05T16:00:00+02:00' }],
    });
    const slots = localStarts(callbackSlots(s, at('2024-06-03T14:00:00Z'), 3), 'Europe/Berlin');
    expect(slots).toEqual(['Mon 2024-06-03 16:30', 'Wed 2024-06-05 16:00', 'Wed 2024-06-05 16:30']);
  });

  it('only offers slots that fit wholly inside a shift', () => {
    const s = schedule('Europe/Berlin', { mon: [{ start: '09:00', end: '10:45' }] });
    expect(localStarts(callbackSlots(s, at('2024-06-03T06:00:00Z'), 1), 'Europe/Berlin')).toEqual([
      'Mon 2024-06-03 09:00',
      'Mon 2024-06-03 09:30',
      'Mon 2024-06-03 10:00',
    ]);
  });

  it('stops at max', () => {
    expect(callbackSlots(berlin, at('2024-06-03T06:00:00Z'), 5, 60, 3)).toHaveLength(3);
  });

  it('spans a night shift across the spring-forward switch in real hours', () => {
    const s = schedule('America/New_York', { sat: [{ start: '22:00', end: '02:00' }] });
    const slots = localStarts(callbackSlots(s, at('2024-03-09T12:00:00Z'), 1, 60), 'America/New_York');
    expect(slots).toEqual(['Sat 2024-03-09 22:00', 'Sat 2024-03-09 23:00', 'Sun 2024-03-10 00:00', 'Sun 2024-03-10 01:00']);
  });

  it('shows the repeated hour twice on a fall-back night, as distinct instants', () => {
    const s = schedule('America/New_York', { sat: [{ start: '22:00', end: '02:00' }] });
    const slots = callbackSlots(s, at('2024-11-02T12:00:00Z'), 1, 60);
    expect(localStarts(slots, 'America/New_York')).toEqual([
      'Sat 2024-11-02 22:00',
      'Sat 2024-11-02 23:00',
      'Sun 2024-11-03 00:00',
      'Sun 2024-11-03 01:00',
      'Sun 2024-11-03 01:00',
    ]);
    expect(new Set(starts(slots)).size).toBe(5);
  });

  it('shows the repeated 02:00 hour twice on the Berlin fall-back night, as distinct instants', () => {
    const s = schedule('Europe/Berlin', { sat: [{ start: '22:00', end: '03:00' }] });
    const slots = callbackSlots(s, at('2024-10-26T12:00:00Z'), 1, 60);
    expect(slots.map((slot) => formatInTimeZone(new Date(slot.start), 'Europe/Berlin', 'EEE HH:mm zzz'))).toEqual([
      'Sat 22:00 GMT+2',
      'Sat 23:00 GMT+2',
      'Sun 00:00 GMT+2',
      'Sun 01:00 GMT+2',
      'Sun 02:00 GMT+2',
      'Sun 02:00 GMT+1',
    ]);
    expect(slots.at(-1)?.end).toBe('2024-10-27T02:00:00.000Z');
  });

  it('gives a New York visitor 04:00 for Berlin 09:00 in the week between the two fall-backs', () => {
    const [first] = callbackSlots(berlin, at('2024-10-25T17:00:00Z'), 1);
    expect(localStarts([first!], 'America/New_York')).toEqual(['Mon 2024-10-28 04:00']);
  });

  it.each([
    { visitor: 'America/Los_Angeles', expected: 'Mon 2024-04-01 00:00' },
    { visitor: 'Asia/Tokyo', expected: 'Mon 2024-04-01 16:00' },
    { visitor: 'Australia/Sydney', expected: 'Mon 2024-04-01 18:00' },
  ])('gives instants a visitor in $visitor sees as $expected for Berlin 09:00 after the switch', ({ visitor, expected }) => {
    const [first] = callbackSlots(berlin, at('2024-03-29T17:00:00Z'), 1);
    expect(localStarts([first!], visitor)).toEqual([expected]);
  });

  it('aligns round-the-clock slots to the local half hour', () => {
    const slots = callbackSlots(alwaysOpenSchedule, at('2024-06-03T10:07:00Z'), 1, 30, 2);
    expect(starts(slots)).toEqual(['2024-06-03T10:30:00.000Z', '2024-06-03T11:00:00.000Z']);
  });

  it('offers no slots for a schedule with no hours', () => {
    expect(callbackSlots(schedule('Europe/Berlin', {}), at('2024-06-03T10:00:00Z'), 7)).toEqual([]);
  });

  it('refuses a non-positive slot length', () => {
    expect(() => callbackSlots(berlin, at('2024-06-03T10:00:00Z'), 1, 0)).toThrow(RangeError);
  });

  it('counts days in the site zone from the next opening, across a Sydney holiday and the April switch', () => {
    const s = schedule('Australia/Sydney', everyDay({ start: '09:00', end: '10:00' }), { holidays: ['2024-04-06'] });
    const slots = localStarts(callbackSlots(s, at('2024-04-05T01:00:00Z'), 3, 60), 'Australia/Sydney');
    expect(slots).toEqual(['Sun 2024-04-07 09:00', 'Mon 2024-04-08 09:00', 'Tue 2024-04-09 09:00']);
  });
});
