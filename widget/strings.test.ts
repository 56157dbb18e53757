import { describe, expect, it } from 'vitest';
import { VisitorMessageKey, widgetLocales } from '../shared/visitor-messages';
import { defaultVisitorStrings, resolveVisitorStrings } from '../shared/visitor-strings';
import { accentPair, contrastRatio, luminance } from './launcher/contrast';
import { fallbackStrings } from './panel/fallback-strings';
import { formatSlot } from '../frontend-common/format';
import { launcherLabels } from './launcher/launcher';
import { type Notice, noticeText } from './model/notice';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('visitor strings', () => {
  it.each(widgetLocales)('%s has every sentence, with the same placeholders as English', (locale) => {
    for (const key of VisitorMessageKey.options) {
      const text = defaultVisitorStrings[locale][key];
      expect(text, `${locale}.${key}`).toBeTruthy();
      expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(defaultVisitorStrings.en[key]));
    }
  });

  it('applies a site’s overrides and keeps the default where one is empty', () => {
    const strings = resolveVisitorStrings('de', { title: 'Hilfe', send: '' });
    expect(strings.title).toBe('Hilfe');
    expect(strings.send).toBe('Senden');
    expect(defaultVisitorStrings.de.title).toBe('Chatten Sie mit uns');
  });

  it('gives the panel the same English words before the server’s strings arrive', () => {
    for (const [key, text] of Object.entries(fallbackStrings)) {
      expect(text, key).toBe(defaultVisitorStrings.en[key as keyof typeof fallbackStrings]);
    }
  });

  it('has words before `welcome` for every notice a connection that never comes up can show', () => {
    const early: Notice[] = [
      { kind: 'failed', reason: 'unknown_site' },
      { kind: 'failed', reason: 'unsupported_version' },
      { kind: 'reconnecting' },
      { kind: 'resync_failed' },
      { kind: 'error', code: 'internal' },
    ];
    const s = fallbackStrings as typeof defaultVisitorStrings.en;
    for (const notice of early) expect(noticeText(notice, s), notice.kind).toBe(noticeText(notice, defaultVisitorStrings.en));
    for (const notice of early) expect(noticeText(notice, s), notice.kind).toBeTruthy();
  });

  it('gives the launcher the same label before the server’s strings arrive', () => {
    for (const locale of widgetLocales) expect(launcherLabels[locale]).toBe(defaultVisitorStrings[locale].launcherLabel);
  });
});

describe('accent colours', () => {
  it.each(['#1f5fbf', '#ffcc00', '#777777', '#808080', '#00ff00', '#000000', '#ffffff', '#e11d48', '#76b', '#5e81ac'])(
    'text on %s contrasts at least 4.5:1',
    (accent) => {
      const { onAccent } = accentPair(accent);
      expect(contrastRatio(luminance(accent) ?? 0, luminance(onAccent) ?? 0)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('falls back to the default accent for anything that is not a hex colour (no CSS injection)', () => {
    expect(accentPair('red;}:host{display:none').accent).toBe('#1f5fbf');
  });
});

describe('callback slots', () => {
  const slot = { start: '2025-03-05T13:00:00Z', end: '2025-03-05T13:30:00Z' };

  it('shows the slot in the visitor’s zone and notes the team’s clock when it differs', () => {
    const text = formatSlot(slot, 'en-GB', 'America/New_York', 'Europe/Berlin');
    expect(text).toMatch(/08:00/);
    expect(text).toMatch(/\(14:00 CET\)$/);
  });

  it('leaves the note out when both clocks agree', () => {
    expect(formatSlot(slot, 'en-GB', 'Europe/Paris', 'Europe/Berlin')).not.toContain('(');
  });
});
