import * as z from 'zod/mini';
import { type WidgetLocale as Locale, widgetLocales } from './widget-locales';

// The locale list and pickWidgetLocale live in ./widget-locales (no zod), so the widget can use them.
export { pickWidgetLocale, widgetLocales } from './widget-locales';

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
  'offerPerson',
  /** After a bot answer when the system hands over at once: it says so rather than asking. */
  'bringingPerson',
  /** Replaces the bot's "I don't know" when the system hands over at once (that reply may ask whether to). */
  'fallbackBringingPerson',
  'connecting',
  'connectingAbout',
  'needMoreInfo',
  'factsRequest',
  'factsRequestAbout',
  'factOrderNumber',
  'factEmail',
  'factPhone',
  'factAmount',
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
  'callbackAnyTime',
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
  'sending',
  'notSent',
  'retry',
  'chatUnavailable',
  'chatOutdated',
  'tooFast',
  'slotTaken',
  'genericError',
  'inactivityResolved',
  'senderBot',
  'senderVisitor',
  'senderSystem',
  'attachLabel',
  'attachTooLarge',
  'attachForbidden',
  'download',
  'repliesIn',
  'soundLabel',
  'rate1',
  'rate2',
  'rate3',
  'rate4',
  'rate5',
  'callbackMoreTimes',
]);
export type VisitorMessageKey = z.infer<typeof VisitorMessageKey>;

export const WidgetLocale = z.enum(widgetLocales);
export type WidgetLocale = Locale;

export const VisitorStrings = z.record(VisitorMessageKey, z.string());
export type VisitorStrings = Record<VisitorMessageKey, string>;
