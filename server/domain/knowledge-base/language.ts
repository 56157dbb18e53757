import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish';
import { stemmer as frenchStemmer } from '@orama/stemmers/french';
import { stemmer as portugueseStemmer } from '@orama/stemmers/portuguese';
import { stopwords as germanStopWords } from '@orama/stopwords/german';
import { stopwords as englishStopWords } from '@orama/stopwords/english';
import { stopwords as spanishStopWords } from '@orama/stopwords/spanish';
import { stopwords as frenchStopWords } from '@orama/stopwords/french';
import { stopwords as portugueseStopWords } from '@orama/stopwords/portuguese';
import MiniSearch from 'minisearch';
import type { WidgetLocale } from '../../../shared/widget-locales';

/** How one language turns text into the terms the knowledge base indexes and searches. */
export interface TextAnalyzer {
  locale: WidgetLocale;
  /** A stemmed, accent-free term, or null for a word that says nothing about the question. */
  processTerm(term: string): string | null;
  /** The distinct content terms of a text, in order. */
  contentTerms(text: string): string[];
}

// Chat filler on top of the Snowball stop-word lists: greetings, thanks, "I want / I need", and
// the fragments the tokenizer leaves from contractions and elisions ("can't" -> "can", "t"; "l'heure" -> "l").
const chatFiller: Record<WidgetLocale, string> = {
  en: `a about above after again all am an and any are as at be because been before being below between both but by
  can could did do does doing don down during each few for from further had has have having he her here hers him his
  how i if in into is it its itself just let me more most my no nor not of off on once only or other our ours out over
  own please same she should so some such than thank thanks that the their them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your yours
  hi hello hey s t d ll m re ve want need like know tell get got take make go also another anyone someone something way`,
  es: `hola buenas buenos gracias por favor quiero quisiera necesito saber decir puedo puede podría usted ustedes qué cuál cómo dónde cuándo`,
  fr: `bonjour bonsoir salut merci svp plaît voudrais veux aimerais besoin savoir dire puis peux pouvez est-ce quel quelle quels quelles comment où quand qu l d j s n c m t`,
  de: `hallo guten tag danke bitte möchte will brauche wissen sagen kann können könnten wie wo wann was welche welcher welches`,
  pt: `olá ola bom dia boa tarde obrigado obrigada por favor quero queria gostaria preciso saber dizer posso pode podem qual quais como onde quando`,
};

// The Spanish list is an extended one (577 words) that also drops words a shop's questions turn on.
const keepInSpanish = new Set([
  'horas',
  'hora',
  'días',
  'dias',
  'dia',
  'tiempo',
  'trabajo',
  'hoy',
  'tarde',
  'nuevo',
  'primero',
  'último',
  'verdad',
]);

const languages: Record<WidgetLocale, { stem: (word: string) => string; stopWords: readonly string[] }> = {
  en: { stem: englishStemmer, stopWords: englishStopWords },
  es: { stem: spanishStemmer, stopWords: spanishStopWords.filter((w) => !keepInSpanish.has(w)) },
  fr: { stem: frenchStemmer, stopWords: frenchStopWords },
  de: { stem: germanStemmer, stopWords: germanStopWords },
  pt: { stem: portugueseStemmer, stopWords: portugueseStopWords },
};

const stripMarks = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');
const tokenize: (text: string) => string[] = MiniSearch.getDefault('tokenize');

const analyzers = new Map<WidgetLocale, TextAnalyzer>();

export function analyzerFor(locale: WidgetLocale): TextAnalyzer {
  const known = analyzers.get(locale);
  if (known) return known;
  const { stem, stopWords } = languages[locale];
  const stop = new Set([...stopWords, ...chatFiller[locale].split(/\s+/)].flatMap((w) => [w, stripMarks(w)]));
  // Stem before stripping accents (Snowball's rules read them), strip after, so a visitor who types
  // "geoffnet" or "envio" meets "geöffnet" and "envío".
  const processTerm = (term: string): string | null => {
    const lower = term.toLowerCase();
    // Order numbers and amounts say nothing about which question this is, and would read as unknown words.
    if (lower.length === 0 || /\d/.test(lower) || stop.has(lower) || stop.has(stripMarks(lower))) return null;
    return stripMarks(stem(lower));
  };
  const analyzer: TextAnalyzer = {
    locale,
    processTerm,
    contentTerms: (text) => [
      ...new Set(
        tokenize(text)
          .map(processTerm)
          .filter((t): t is string => t !== null),
      ),
    ],
  };
  analyzers.set(locale, analyzer);
  return analyzer;
}
