import { describe, expect, it } from 'vitest';
import { widgetLocales } from '../../shared/visitor-messages';
import type { WidgetAvailability } from '../../shared/visitor-protocol';
import { defaultVisitorStrings } from '../../shared/visitor-strings';
import { backAtTemplates, decideLauncher } from './launcher-availability';

const closed = (over: Partial<WidgetAvailability> = {}): WidgetAvailability => ({
  available: false,
  nextOpenAt: '2025-03-10T08:00:00Z', // Monday 09:00 in Berlin
  siteTimeZone: 'Europe/Berlin',
  whenUnavailable: 'show_back_at',
  handoffEnabled: true,
  ...over,
});
const en = backAtTemplates.en as string;

describe('launcher while nobody can answer', () => {
  it('says when the team is back, in the visitor’s own time zone', () => {
    expect(decideLauncher(closed(), false, en, 'en-GB', 'Europe/London')).toEqual({ kind: 'back_at', text: 'We’re back Monday 08:00.' });
    expect(decideLauncher(closed(), false, en, 'en-GB', 'Asia/Tokyo')).toEqual({ kind: 'back_at', text: 'We’re back Monday 17:00.' });
  });

  it('hides itself when the site says so', () => {
    expect(decideLauncher(closed({ whenUnavailable: 'hide_launcher' }), false, en, 'en')).toEqual({ kind: 'hidden' });
  });

  it('stays for a visitor whose conversation is under way', () => {
    expect(decideLauncher(closed({ whenUnavailable: 'hide_launcher' }), true, en, 'en')).toEqual({ kind: 'shown' });
  });

  it('shows the plain launcher when people are available or the server did not answer', () => {
    expect(decideLauncher(closed({ available: true }), false, en, 'en')).toEqual({ kind: 'shown' });
    expect(decideLauncher(null, false, en, 'en')).toEqual({ kind: 'shown' });
    expect(decideLauncher(closed({ nextOpenAt: null }), false, en, 'en')).toEqual({ kind: 'shown' });
  });

  it('shows the plain launcher when the site hands nothing to people: the bot answers at any hour', () => {
    expect(decideLauncher(closed({ handoffEnabled: false }), false, en, 'en')).toEqual({ kind: 'shown' });
    expect(decideLauncher(closed({ handoffEnabled: false, whenUnavailable: 'hide_launcher' }), false, en, 'en')).toEqual({ kind: 'shown' });
  });

  it('uses the same sentence as the panel before the server’s strings arrive', () => {
    for (const locale of widgetLocales) expect(backAtTemplates[locale]).toBe(defaultVisitorStrings[locale].backAt);
  });
});
