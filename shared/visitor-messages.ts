import * as z from 'zod/mini';

/** Every sentence the widget shows; sites may override any of them per locale. */
export const VisitorMessageKey = z.enum([
  'title',
  'greeting',
  'launcherLabel',
  'closeLabel',
  'inputLabel',
  'inputPlaceholder',
  'send',
  'askForPerson',
  'connecting',
  'connectingAbout',
  'needMoreInfo',
  'queuePosition',
  'waitRange',
  'waitUnknown',
  'operatorJoined',
  'operatorTyping',
  'nobodyAvailable',
  'outsideHours',
  'backAt',
  'callbackOffer',
  'callbackSlotLabel',
  'callbackContactLabel',
  'callbackPhone',
  'callbackEmail',
  'callbackNoteLabel',
  'callbackSubmit',
  'callbackConfirmed',
  'leaveMessage',
  'returnedToBot',
  'resolved',
  'rateLabel',
  'rateCommentLabel',
  'rateSubmit',
  'rateThanks',
  'reconnecting',
  'resyncFailed',
  'inactivityResolved',
  'senderBot',
  'senderVisitor',
  'senderSystem',
]);
export type VisitorMessageKey = z.infer<typeof VisitorMessageKey>;

export const widgetLocales = ['en', 'es', 'fr', 'de', 'pt'] as const;
export const WidgetLocale = z.enum(widgetLocales);
export type WidgetLocale = z.infer<typeof WidgetLocale>;

export const VisitorStrings = z.record(VisitorMessageKey, z.string());
export type VisitorStrings = Record<VisitorMessageKey, string>;

/** Picks the widget locale from a BCP 47 tag ("pt-BR" -> "pt"), English otherwise. */
export function pickWidgetLocale(tag: string | undefined): WidgetLocale {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return (widgetLocales as readonly string[]).includes(base) ? (base as WidgetLocale) : 'en';
}
