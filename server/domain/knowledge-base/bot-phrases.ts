import type { WidgetLocale } from '../../../shared/widget-locales';

/** Said before an answer the knowledge base has only in English. */
export const englishOnlyNote: Record<WidgetLocale, string> = {
  en: '',
  es: 'Solo tengo esta respuesta en inglés:',
  fr: "Je n'ai cette réponse qu'en anglais :",
  de: 'Diese Antwort habe ich nur auf Englisch:',
  pt: 'Só tenho esta resposta em inglês:',
};
