import { describe, expect, it } from 'vitest';
import { widgetUiFor } from './session';
import { siteDoc } from '../../test-support/site-doc';

const germanSite = siteDoc({ widget: { defaultLocale: 'de' } }, { name: 'Lampenladen' });

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
