import { describe, expect, it } from 'vitest';
import { addLocalDays, localDateOf, localToInstant, weekdayOf } from './local-time';

describe('localToInstant', () => {
  it.each([
    { given: 'an ordinary time', date: '2024-06-03', time: '09:00', zone: 'America/New_York', expected: '2024-06-03T13:00:00.000Z' },
    {
      given: "02:30 on New York's spring-forward day (does not exist)",
      date: '2024-03-10',
      time: '02:30',
      zone: 'America/New_York',
      expected: '2024-03-10T07:00:00.000Z',
    },
    {
      given: "02:00 on New York's spring-forward day",
      date: '2024-03-10',
      time: '02:00',
      zone: 'America/New_York',
      expected: '2024-03-10T07:00:00.000Z',
    },
    {
      given: '03:00 right after the New York gap',
      date: '2024-03-10',
      time: '03:00',
      zone: 'America/New_York',
      expected: '2024-03-10T07:00:00.000Z',
    },
    {
      given: "01:30 on New York's fall-back day (occurs twice)",
      date: '2024-11-03',
      time: '01:30',
      zone: 'America/New_York',
      expected: '2024-11-03T05:30:00.000Z',
    },
    {
      given: "02:30 on Berlin's spring-forward day",
      date: '2024-03-31',
      time: '02:30',
      zone: 'Europe/Berlin',
      expected: '2024-03-31T01:00:00.000Z',
    },
    {
      given: "02:30 on Berlin's fall-back day (occurs twice)",
      date: '2024-10-27',
      time: '02:30',
      zone: 'Europe/Berlin',
      expected: '2024-10-27T00:30:00.000Z',
    },
    {
      given: "02:00 on Berlin's fall-back day (occurs twice)",
      date: '2024-10-27',
      time: '02:00',
      zone: 'Europe/Berlin',
      expected: '2024-10-27T00:00:00.000Z',
    },
    {
      given: "03:00 on Berlin's fall-back day",
      date: '2024-10-27',
      time: '03:00',
      zone: 'Europe/Berlin',
      expected: '2024-10-27T02:00:00.000Z',
    },
    {
      given: "02:30 on Sydney's spring-forward day (October)",
      date: '2024-10-06',
      time: '02:30',
      zone: 'Australia/Sydney',
      expected: '2024-10-05T16:00:00.000Z',
    },
    {
      given: 'a midnight skipped in Santiago',
      date: '2024-09-08',
      time: '00:00',
      zone: 'America/Santiago',
      expected: '2024-09-08T04:00:00.000Z',
    },
    {
      given: '24:00, the end of the day',
      date: '2024-03-10',
      time: '24:00',
      zone: 'America/New_York',
      expected: '2024-03-11T04:00:00.000Z',
    },
  ])('maps $given to the first instant the clock reads it', ({ date, time, zone, expected }) => {
    expect(localToInstant(date, time, zone).toISOString()).toBe(expected);
  });

  it('refuses an unknown zone', () => {
    expect(() => localToInstant('2024-06-03', '09:00', 'Nowhere/Atlantis')).toThrow(RangeError);
  });
});

describe('local calendar', () => {
  it('reads the date in the given zone, not in UTC', () => {
    expect(localDateOf(new Date('2024-06-03T23:30:00Z'), 'Europe/Berlin')).toBe('2024-06-04');
    expect(localDateOf(new Date('2024-06-03T02:30:00Z'), 'America/Los_Angeles')).toBe('2024-06-02');
  });

  it('adds days across month and year ends and names the weekday', () => {
    expect(addLocalDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addLocalDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdayOf('2024-03-10')).toBe('sun');
    expect(weekdayOf('2024-04-01')).toBe('mon');
  });
});
