import type { WidgetLocale } from '../../../shared/widget-locales';

const note: Record<WidgetLocale, string> = {
  en: '(answer interrupted)',
  es: '(respuesta interrumpida)',
  fr: '(réponse interrompue)',
  de: '(Antwort unterbrochen)',
  pt: '(resposta interrompida)',
};

/** What is stored of an answer cut off mid-stream: exactly what the visitor saw, and that it was cut off. */
export function interruptedAnswer(shown: string, locale: WidgetLocale): string {
  return `${shown.trimEnd()}… ${note[locale]}`;
}
