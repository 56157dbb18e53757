import type { VisitorStrings, WidgetLocale } from './visitor-messages';
import { de } from './visitor-strings/de';
import { en } from './visitor-strings/en';
import { es } from './visitor-strings/es';
import { fr } from './visitor-strings/fr';
import { pt } from './visitor-strings/pt';

// One file per locale under visitor-strings/; the notes at the top of en.ts hold for every translation.

export const defaultVisitorStrings: Record<WidgetLocale, VisitorStrings> = { en, es, fr, de, pt };

/** The locale's defaults with a site's overrides on top; an override that is empty or missing keeps the default. */
export function resolveVisitorStrings(locale: WidgetLocale, overrides?: Partial<VisitorStrings>): VisitorStrings {
  const resolved = { ...defaultVisitorStrings[locale] };
  for (const [key, text] of Object.entries(overrides ?? {}) as [keyof VisitorStrings, string | undefined][]) {
    if (text && key in resolved) resolved[key] = text;
  }
  return resolved;
}
