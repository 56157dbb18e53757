import {
  defaultKnowledgeBaseEntries,
  type KnowledgeBaseBotConfig,
  KnowledgeBaseEntry,
  type KnowledgeBaseEntryInput,
} from '../../shared/config/bot';
import type { WidgetLocale } from '../../shared/widget-locales';
import { germanArticles } from './demo-kb/de';
import { englishArticles } from './demo-kb/en';
import { spanishArticles } from './demo-kb/es';
import { frenchArticles } from './demo-kb/fr';
import { portugueseArticles } from './demo-kb/pt';

const inLocale = (locale: WidgetLocale, articles: KnowledgeBaseEntryInput[]) =>
  articles.map((a) => KnowledgeBaseEntry.parse({ ...a, locale }));

/** Lumen Lamps, the demo shop, in all five widget languages: refunds and complaints go to a person by policy. */
export const demoKnowledgeBaseEntries: KnowledgeBaseEntry[] = [
  ...defaultKnowledgeBaseEntries,
  ...inLocale('en', englishArticles),
  ...inLocale('es', spanishArticles),
  ...inLocale('fr', frenchArticles),
  ...inLocale('de', germanArticles),
  ...inLocale('pt', portugueseArticles),
];

export const demoBotConfig: KnowledgeBaseBotConfig = {
  kind: 'knowledge_base',
  entries: demoKnowledgeBaseEntries,
  fallbackReply: {
    en: "I'm not sure I have the right answer to that. Would you like to talk to a person from the Lumen Lamps team?",
    es: 'No estoy seguro de tener la respuesta correcta. ¿Quieres hablar con una persona del equipo de Lumen Lamps?',
    fr: "Je ne suis pas sûr d'avoir la bonne réponse. Voulez-vous parler à une personne de l'équipe Lumen Lamps ?",
    de: 'Ich bin nicht sicher, ob ich darauf die richtige Antwort habe. Möchten Sie mit einer Person aus dem Lumen-Lamps-Team sprechen?',
    pt: 'Não tenho a certeza de ter a resposta certa. Quer falar com uma pessoa da equipa Lumen Lamps?',
  },
  confidenceThreshold: 0.5,
};
