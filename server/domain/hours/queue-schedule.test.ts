import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../../shared/config/hours';
import { isOpenAt } from '../hours';
import { queueSchedule } from './queue-schedule';

const nine = [{ start: '09:00', end: '17:00' }];
const site: Schedule = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: nine, tue: nine, wed: nine, thu: nine, fri: nine, sat: [], sun: [] },
  holidays: ['2026-12-25'],
  closures: [{ start: '2026-12-01T08:00:00Z', end: '2026-12-01T12:00:00Z', label: 'team day' }],
};
const late = [{ start: '14:00', end: '22:00' }];
const sales: Schedule = {
  timeZone: 'America/New_York',
  weekly: { mon: late, tue: late, wed: late, thu: late, fri: late, sat: late, sun: [] },
  holidays: ['2026-11-26'],
  closures: [],
};

describe('queueSchedule', () => {
  it('is the site schedule for a queue without its own hours', () => {
    expect(queueSchedule(site, undefined)).toBe(site);
  });

  it('keeps the queue’s own week and zone, and adds the site’s holidays and closures to its own', () => {
    const merged = queueSchedule(site, sales);
    expect(merged.timeZone).toBe('America/New_York');
    expect(merged.weekly).toBe(sales.weekly);
    expect(merged.holidays).toEqual(['2026-12-25', '2026-11-26']);
    expect(merged.closures).toEqual(site.closures);
  });

  it('closes the queue on a site holiday that its own hours would have kept open', () => {
    // Friday 25 December 2026, 15:00 in New York: inside the sales shift.
    const christmasAfternoon = new Date('2026-12-25T20:00:00Z');
    expect(isOpenAt(sales, christmasAfternoon)).toBe(true);
    expect(isOpenAt(queueSchedule(site, sales), christmasAfternoon)).toBe(false);
  });

  it('closes the queue during a site closure', () => {
    const duringClosure = new Date('2026-12-01T11:00:00Z');
    const tokyo: Schedule = { ...sales, timeZone: 'Asia/Tokyo', weekly: { ...sales.weekly, tue: [{ start: '18:00', end: '23:00' }] } };
    // 20:00 Tokyo on Tuesday 1 December = 11:00Z: open by its own hours, closed by the site's closure.
    expect(isOpenAt(tokyo, duringClosure)).toBe(true);
    expect(isOpenAt(queueSchedule(site, tokyo), duringClosure)).toBe(false);
  });
});
