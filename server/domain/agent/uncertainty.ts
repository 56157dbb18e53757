import type { WidgetLocale } from '../../../shared/widget-locales';

// How models say "I don't know" or "I can't": such a reply is a fallback, as the built-in bot's
// would be, so repeated ones bring in a person. Checked on accent-free lowercase text.
const phrases: Record<WidgetLocale, string[]> = {
  en: [
    "i'm not sure",
    'i am not sure',
    "i don't know",
    'i do not know',
    "i can't help",
    'i cannot help',
    "i'm unable to",
    'i am unable to',
    "i don't have that information",
    "i don't have information",
    'not able to answer',
    "i can't answer",
    'i cannot answer',
  ],
  es: [
    'no estoy seguro',
    'no estoy segura',
    'no lo se',
    'no se ',
    'no puedo ayudar',
    'no puedo responder',
    'no tengo esa informacion',
    'no tengo informacion',
  ],
  fr: [
    'je ne suis pas sur',
    'je ne sais pas',
    'je ne peux pas vous aider',
    'je ne peux pas repondre',
    "je n'ai pas cette information",
    "je n'ai pas d'information",
    'je ne suis pas en mesure',
  ],
  de: [
    'ich bin nicht sicher',
    'ich bin mir nicht sicher',
    'ich weiss nicht',
    'ich weiß nicht',
    'ich kann nicht helfen',
    'ich kann ihnen dabei nicht helfen',
    'ich kann das nicht beantworten',
    'dazu habe ich keine informationen',
    'ich habe keine informationen',
  ],
  pt: [
    'nao tenho a certeza',
    'nao tenho certeza',
    'nao sei',
    'nao posso ajudar',
    'nao consigo ajudar',
    'nao posso responder',
    'nao tenho essa informacao',
    'nao tenho informacao',
  ],
};

const plain = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’`]/g, "'");

/** The model's reply admits it does not know or cannot help (in the visitor's language or English). */
export function isUncertainReply(text: string, locale: WidgetLocale): boolean {
  const t = ` ${plain(text)} `;
  return [...phrases[locale], ...(locale === 'en' ? [] : phrases.en)].some((p) => t.includes(plain(p)));
}
