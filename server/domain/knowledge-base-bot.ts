import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import {
  defaultFallbackReply,
  defaultFallbackReplyWithoutPeople,
  type KnowledgeBaseBotConfig,
  type KnowledgeBaseEntry,
  type LocalizedReply,
} from '../../shared/config/bot';
import type { WidgetLocale } from '../../shared/widget-locales';
import { describeOpeningHours, type HoursAnswerInput } from './hours/hours-answer';
import { englishOnlyNote } from './knowledge-base/bot-phrases';
import { analyzerFor, type TextAnalyzer } from './knowledge-base/language';

export interface KnowledgeBaseAnswer {
  reply: string;
  /** 0..1; see scoreConfidence for what it means. */
  confidence: number;
  intent: string | null;
  fallback: boolean;
  matchedEntryId: string | null;
  /** The best match is a topic the site marked as one the bot must not answer. */
  outOfScope: boolean;
  /** A near miss held back as too unsure: the fallback reply stands in for the bot's low-confidence answer. */
  heldBack: boolean;
  /** The language of the matched article (English when the visitor's language had no answer). */
  answerLocale: WidgetLocale;
}

/** Who asks, and what the bot needs to write generated answers (the site's hours) for them. */
export interface KnowledgeBaseContext {
  locale: WidgetLocale;
  /** The site's schedule, the current instant and the visitor's zone; without it a site_hours article answers with its own text. */
  hours?: Omit<HoursAnswerInput, 'locale'>;
  /** False when the site hands nothing to people: the default fallback then offers no person. */
  handoffEnabled?: boolean;
}

/** English term processing, kept for callers that predate languages. */
export const processTerm = (term: string) => analyzerFor('en').processTerm(term);
export const contentTerms = (text: string) => analyzerFor('en').contentTerms(text);

// Words the knowledge base never uses weigh 0.3 of an unseen word's IDF: enough that "gift cards" does not borrow
// confidence from "card", little enough that chatty words ("bought", "Monday") do not sink a clear match.
// Tuned on the demo knowledge base's paraphrases and off-topic questions.
const UNKNOWN_TERM_WEIGHT = 0.3;

const SEARCH: SearchOptions = {
  boost: { question: 2, keywords: 2, answer: 0.5 },
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  combineWith: 'OR',
};

interface KnowledgeIndex {
  search: MiniSearch;
  byId: Map<string, KnowledgeBaseEntry>;
  /** Score each entry gets when its own question is asked: the best a real question can expect. */
  selfScore: Map<string, number>;
  idf: (term: string) => number;
}

const indexes = new WeakMap<readonly KnowledgeBaseEntry[], Map<WidgetLocale, KnowledgeIndex | null>>();

/** The index of one language's articles (null when it has none), built once per configuration. */
function indexFor(all: readonly KnowledgeBaseEntry[], analyzer: TextAnalyzer): KnowledgeIndex | null {
  const perLocale = indexes.get(all) ?? new Map<WidgetLocale, KnowledgeIndex | null>();
  indexes.set(all, perLocale);
  if (perLocale.has(analyzer.locale)) return perLocale.get(analyzer.locale)!;
  const entries = all.filter((e) => e.locale === analyzer.locale);
  const index = entries.length > 0 ? buildIndex(entries, analyzer) : null;
  perLocale.set(analyzer.locale, index);
  return index;
}

function buildIndex(entries: KnowledgeBaseEntry[], { processTerm, contentTerms }: TextAnalyzer): KnowledgeIndex {
  const search = new MiniSearch({
    fields: ['question', 'keywords', 'answer'],
    processTerm,
    searchOptions: SEARCH,
  });
  search.addAll(entries.map((e) => ({ id: e.id, question: e.question, keywords: (e.keywords ?? []).join(' '), answer: e.answer })));
  const documentFrequency = new Map<string, number>();
  for (const e of entries) {
    for (const t of contentTerms(`${e.question} ${(e.keywords ?? []).join(' ')} ${e.answer}`)) {
      documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    }
  }
  const n = entries.length;
  const maxIdf = Math.log(1 + (n + 0.5) / 0.5);
  const idf = (term: string) => {
    const df = documentFrequency.get(term);
    return df === undefined ? maxIdf * UNKNOWN_TERM_WEIGHT : Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  const selfScore = new Map<string, number>();
  for (const e of entries) {
    const self = search.search(e.question).find((r) => r.id === e.id);
    selfScore.set(e.id, self ? perTerm(self) : 0);
  }
  return { search, byId: new Map(entries.map((e) => [e.id, e])), selfScore, idf };
}

/**
 * Confidence = sqrt(coverage × reach) × (0.6 + 0.4 × margin), each part in 0..1:
 * - coverage: the share of the question's information (IDF-weighted terms) that the entry matched,
 *   so "gift card" does not borrow confidence from "card" in the payment entry;
 * - reach: the BM25+ score per matched term over the same for the entry's own question, capped at 1,
 *   which puts scores from different entries and index sizes on one scale and marks weak hits
 *   (a word found only in an answer, a fuzzy or prefix match) as weak;
 * - margin: 1 − second/top score; two entries that fit equally well make an answer a guess.
 * The geometric mean needs both sides of the match; the margin can cost at most 40%.
 */
function scoreConfidence(index: KnowledgeIndex, queryTerms: string[], results: SearchResult[]): number {
  const [top, second] = results;
  if (!top || queryTerms.length === 0) return 0;
  const total = queryTerms.reduce((sum, t) => sum + index.idf(t), 0);
  const matched = new Set(top.queryTerms);
  const covered = queryTerms.filter((t) => matched.has(t)).reduce((sum, t) => sum + index.idf(t), 0);
  const coverage = total > 0 ? covered / total : 0;
  const self = index.selfScore.get(String(top.id)) ?? 0;
  const reach = self > 0 ? Math.min(1, perTerm(top) / self) : 1;
  const margin = second ? 1 - second.score / top.score : 1;
  return Math.min(1, Math.sqrt(coverage * reach) * (0.6 + 0.4 * margin));
}

// A best match at or above this share of the threshold is a near miss (a guess held back, which
// the site's low-confidence setting then handles); below it nothing came close (a plain fallback).
// Tuned on the demo knowledge base: near misses ("do you ship to Norway?", "is the lamp dimmable
// with my smart home?") score 0.40–0.46, off-topic questions (a dog at the office party, garden
// lamps) 0.15–0.23; stray chatter can land on either side.
const NEAR_MISS_SHARE = 0.5;

export interface KnowledgeBaseMatch {
  entry: KnowledgeBaseEntry;
  confidence: number;
}

interface LocaleSearch {
  best: KnowledgeBaseMatch | null;
  /** The best match's confidence, or what the question scored when nothing matched. */
  confidence: number;
}

function searchLocale(question: string, config: KnowledgeBaseBotConfig, locale: WidgetLocale): LocaleSearch {
  const analyzer = analyzerFor(locale);
  const index = indexFor(config.entries, analyzer);
  if (!index) return { best: null, confidence: 0 };
  const queryTerms = analyzer.contentTerms(question);
  const results = queryTerms.length > 0 ? index.search.search(question) : [];
  const confidence = round(scoreConfidence(index, queryTerms, results));
  const entry = results[0] ? index.byId.get(String(results[0].id)) : undefined;
  return { best: entry ? { entry, confidence } : null, confidence };
}

/**
 * The articles that fit a question best, the visitor's language first, then English; for an AI
 * agent's prompt, which judges relevance itself, so near misses are included.
 */
export function bestArticles(
  question: string,
  entries: readonly KnowledgeBaseEntry[],
  locale: WidgetLocale,
  limit: number,
): KnowledgeBaseEntry[] {
  const found: KnowledgeBaseEntry[] = [];
  for (const l of locale === 'en' ? (['en'] as const) : [locale, 'en' as const]) {
    const analyzer = analyzerFor(l);
    const index = indexFor(entries, analyzer);
    if (!index || analyzer.contentTerms(question).length === 0) continue;
    for (const r of index.search.search(question)) {
      const entry = index.byId.get(String(r.id));
      // A translation of an article already found adds nothing.
      if (entry && !found.some((f) => f.id === entry.id)) found.push(entry);
    }
  }
  return found.slice(0, limit);
}

/** The site's fallback reply in the visitor's language (English, then the first given, when it has none). */
export function localizedReply(reply: LocalizedReply, locale: WidgetLocale): string {
  if (typeof reply === 'string') return reply;
  return reply[locale] ?? reply.en ?? Object.values(reply)[0] ?? '';
}

/** The site's own fallback as written; the default one without its offer of a person when there are none. */
function fallbackReplyOf(config: KnowledgeBaseBotConfig, handoffEnabled: boolean): LocalizedReply {
  const isDefault = JSON.stringify(config.fallbackReply) === JSON.stringify(defaultFallbackReply);
  return isDefault && !handoffEnabled ? defaultFallbackReplyWithoutPeople : config.fallbackReply;
}

export function answerFromKnowledgeBase(
  question: string,
  config: KnowledgeBaseBotConfig,
  context: KnowledgeBaseContext = { locale: 'en' },
): KnowledgeBaseAnswer {
  const { locale } = context;
  const fallback = (confidence: number, heldBack = false): KnowledgeBaseAnswer => ({
    reply: localizedReply(fallbackReplyOf(config, context.handoffEnabled ?? true), locale),
    confidence,
    intent: null,
    fallback: true,
    matchedEntryId: null,
    outOfScope: false,
    heldBack,
    answerLocale: locale,
  });
  const own = searchLocale(question, config, locale);
  // English is the fallback language: asked only when the visitor's own articles have no confident answer.
  const english =
    locale !== 'en' && !(own.best && own.confidence >= config.confidenceThreshold) ? searchLocale(question, config, 'en') : null;
  const chosen = english?.best && english.confidence >= config.confidenceThreshold ? english : own;
  const { best, confidence } = chosen;
  if (!best || confidence < config.confidenceThreshold) {
    // A near miss in either language is a guess held back.
    const top = Math.max(own.best ? own.confidence : 0, english?.best ? english.confidence : 0);
    return fallback(top, top >= config.confidenceThreshold * NEAR_MISS_SHARE);
  }
  const { entry } = best;
  return {
    reply: replyFor(entry, context),
    confidence,
    intent: entry.intent ?? entry.id,
    fallback: entry.outOfScope === true,
    matchedEntryId: entry.id,
    outOfScope: entry.outOfScope === true,
    heldBack: false,
    answerLocale: entry.answerFrom === 'site_hours' && context.hours ? locale : entry.locale,
  };
}

function replyFor(entry: KnowledgeBaseEntry, { locale, hours }: KnowledgeBaseContext): string {
  // Generated in the visitor's language whichever language's article matched.
  if (entry.answerFrom === 'site_hours' && hours) return describeOpeningHours({ ...hours, locale });
  if (entry.locale !== locale && englishOnlyNote[locale]) return `${englishOnlyNote[locale]}\n\n${entry.answer}`;
  return entry.answer;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// MiniSearch multiplies the BM25+ sum by the number of matched query terms; undo that so scores compare linearly.
const perTerm = (r: SearchResult) => r.score / Math.max(1, r.queryTerms.length);
