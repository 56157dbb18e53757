import { describe, expect, it } from 'vitest';
import { pickWidgetLocale, preferredLocaleTag, widgetLocaleOf } from './widget-locales';

describe('widget locale', () => {
  it.each([
    ['pt-BR', 'pt'],
    ['DE', 'de'],
    ['fr-CA', 'fr'],
    ['it-IT', null],
    ['', null],
    [undefined, null],
  ])('%s asks for %s', (tag, locale) => {
    expect(widgetLocaleOf(tag)).toBe(locale);
  });

  it('falls back to the given locale (the site’s default) for a tag the widget does not speak', () => {
    expect(pickWidgetLocale('it-IT', 'de')).toBe('de');
    expect(pickWidgetLocale(undefined, 'es')).toBe('es');
    expect(pickWidgetLocale('fr-CA', 'de')).toBe('fr');
    expect(pickWidgetLocale('it')).toBe('en');
  });

  it.each<[string, string | null, string[], string]>([
    ['the page’s data-locale wins over the browser', 'de', ['fr-FR', 'en'], 'de'],
    ['the page’s data-locale keeps its region for dates', 'pt-BR', ['en-US'], 'pt-BR'],
    ['without data-locale, the browser’s language', null, ['es-MX', 'en'], 'es-MX'],
    ['a data-locale the widget does not speak gives way to the browser', 'it', ['fr-FR'], 'fr-FR'],
    ['the browser’s first language the widget speaks', null, ['it-IT', 'nl', 'pt-PT'], 'pt-PT'],
    ['nothing spoken: the first tag, so the server uses the site’s default', 'it', ['nl-NL'], 'it'],
    ['no tag at all', null, [''], ''],
  ])('%s', (_name, attribute, browser, expected) => {
    expect(preferredLocaleTag(attribute, browser)).toBe(expected);
  });
});
