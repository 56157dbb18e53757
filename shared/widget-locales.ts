// Zod-free on purpose: the widget imports this at runtime, and the widget bundles no zod
// (see widget/event-guard.ts). shared/visitor-messages.ts builds its schema from this list.

export const widgetLocales = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type WidgetLocale = (typeof widgetLocales)[number];

/** Picks the widget locale from a BCP 47 tag ("pt-BR" -> "pt"), English otherwise. */
export function pickWidgetLocale(tag: string | undefined): WidgetLocale {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return (widgetLocales as readonly string[]).includes(base) ? (base as WidgetLocale) : 'en';
}
