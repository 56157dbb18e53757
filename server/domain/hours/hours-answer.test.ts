import { describe, expect, it } from 'vitest';
import { alwaysOpenSchedule } from '../../../shared/config/hours';
import { at, schedule, weekdaysOnly } from './fixtures';
import { describeOpeningHours } from './hours-answer';

// Amsterdam, weekdays 09:00–17:30 and Saturday mornings; Christmas off. 2026-12-19 is a Saturday.
const shop = schedule(
  'Europe/Amsterdam',
  { ...weekdaysOnly({ start: '09:00', end: '17:30' }), sat: [{ start: '10:00', end: '14:00' }] },
  { holidays: ['2026-12-25'] },
);
const saturdayEvening = at('2026-12-19T20:00:00Z');

describe('opening hours answer', () => {
  it('gives the weekly hours in the visitor’s zone, when the team is back, and the coming holiday, in French', () => {
    expect(describeOpeningHours({ schedule: shop, now: saturdayEvening, visitorTimeZone: 'Europe/Lisbon', locale: 'fr' })).toBe(
      'Notre équipe est là du lundi au vendredi 08:00–16:30 et samedi 09:00–13:00 (votre heure, Europe/Lisbon). ' +
        'Nous sommes fermés en ce moment et de retour lundi 08:00. Fermé le 25 décembre.',
    );
  });

  it('speaks each widget language', () => {
    const answers = (['en', 'es', 'de', 'pt'] as const).map((locale) =>
      describeOpeningHours({ schedule: shop, now: saturdayEvening, visitorTimeZone: 'Europe/Amsterdam', locale }),
    );
    expect(answers[0]).toContain('Monday–Friday 09:00–17:30');
    expect(answers[1]).toContain('lunes a viernes 09:00–17:30');
    expect(answers[2]).toContain('Montag bis Freitag 09:00–17:30');
    expect(answers[3]).toContain('segunda-feira a sexta-feira 09:00–17:30');
    expect(answers[0]).toContain('December 25');
  });

  it('moves shifts across midnight for a visitor far away, and says when the team closes today', () => {
    const answer = describeOpeningHours({ schedule: shop, now: at('2026-12-21T10:00:00Z'), visitorTimeZone: 'Asia/Tokyo', locale: 'en' });
    expect(answer).toBe(
      'Our team is here Monday–Friday 17:00–01:30, Saturday 18:00–22:00 (your time, Asia/Tokyo). We are open now, until 01:30. Closed on December 25.',
    );
  });

  it('uses the site’s zone, and says so, when the visitor’s zone is unknown', () => {
    const answer = describeOpeningHours({ schedule: shop, now: saturdayEvening, visitorTimeZone: 'Mars/Olympus', locale: 'en' });
    expect(answer).toContain('(time in Europe/Amsterdam)');
  });

  it('says around the clock for an always-open schedule, whatever the zone', () => {
    expect(
      describeOpeningHours({ schedule: alwaysOpenSchedule, now: saturdayEvening, visitorTimeZone: 'Europe/Paris', locale: 'fr' }),
    ).toBe('Nous sommes ouverts 24 h/24 : notre équipe est là tous les jours.');
  });

  it('follows an edit of the hours', () => {
    const edited = { ...shop, weekly: { ...shop.weekly, sat: [] } };
    const before = describeOpeningHours({ schedule: shop, now: saturdayEvening, visitorTimeZone: 'Europe/Amsterdam', locale: 'en' });
    const after = describeOpeningHours({ schedule: edited, now: saturdayEvening, visitorTimeZone: 'Europe/Amsterdam', locale: 'en' });
    expect(before).toContain('Saturday 10:00–14:00');
    expect(after).not.toContain('Saturday');
  });

  it('writes a midnight closing as 24:00 and a one-off closure in the visitor’s time', () => {
    const late = schedule(
      'UTC',
      { fri: [{ start: '18:00', end: '00:00' }] },
      {
        closures: [{ start: '2026-12-21T08:00:00Z', end: '2026-12-21T12:00:00Z' }],
      },
    );
    const answer = describeOpeningHours({ schedule: late, now: saturdayEvening, visitorTimeZone: 'UTC', locale: 'en' });
    expect(answer).toContain('Friday 18:00–24:00');
    expect(answer).toContain('December 21 08:00–December 21 12:00');
  });

  it('says there are no hours when the week is empty', () => {
    expect(describeOpeningHours({ schedule: schedule('UTC', {}), now: saturdayEvening, visitorTimeZone: 'UTC', locale: 'de' })).toContain(
      'keine Öffnungszeiten',
    );
  });
});
