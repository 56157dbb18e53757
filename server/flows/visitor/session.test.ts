import { describe, expect, it } from 'vitest';
import { SiteConfig } from '../../../shared/site-config';
import type { SiteDoc } from '../../store/documents';
import { widgetUiFor } from './session';

const germanSite: SiteDoc = {
  _id: 'site-1',
  siteKey: 'demo',
  name: 'Lampenladen',
  secret: 'secret',
  config: SiteConfig.parse({ widget: { defaultLocale: 'de' } }),
  configVersion: 1,
  updatedAt: new Date('2025-03-10T14:00:00Z'),
};

describe('the widget’s language', () => {
  it.each([
    ['a tag the widget speaks', 'fr-CA', 'fr'],
    ['a tag it does not speak: the site’s default', 'it-IT', 'de'],
    ['no tag: the site’s default', undefined, 'de'],
  ])('%s', (_name, locale, expected) => {
    const ui = widgetUiFor(germanSite, { timeZone: 'Europe/Berlin', ...(locale ? { locale } : {}) });
    expect(ui.locale).toBe(expected);
    expect(ui.strings.send).toBe({ fr: 'Envoyer', de: 'Senden' }[expected]);
  });
});
