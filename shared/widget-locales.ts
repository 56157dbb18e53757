// Zod-free on purpose: the widget imports this at runtime, and the widget bundles no zod
// (see widget/connection/event-guard.ts). shared/visitor-messages.ts builds its schema from this list.

export const widgetLocales = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type WidgetLocale = (typeof widgetLocales)[number];

/** The widget locale a BCP 47 tag asks for ("pt-BR" -> "pt"), or null when the widget does not speak it. */
export function widgetLocaleOf(tag: string | null | undefined): WidgetLocale | null {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return (widgetLocales as readonly string[]).includes(base) ? (base as WidgetLocale) : null;
}

/** The widget locale for a tag, else `fallback` (the server passes the site's defaultLocale). */
export function pickWidgetLocale(tag: string | null | undefined, fallback: WidgetLocale = 'en'): WidgetLocale {
  return widgetLocaleOf(tag) ?? fallback;
}

/**
 * The tag the widget sends as the visitor's locale: the page's data-locale wins, else the
 * browser's languages in order of preference; the first one the widget speaks. When it speaks none
 * of them, the first tag as given (still good for dates), which makes the server fall back to the
 * site's defaultLocale; '' only when there is no tag at all.
 */
export function preferredLocaleTag(attribute: string | null, browserLanguages: readonly string[]): string {
  const tags = [attribute, ...browserLanguages].filter(Boolean) as string[];
  return tags.find(widgetLocaleOf) ?? tags[0] ?? '';
}
