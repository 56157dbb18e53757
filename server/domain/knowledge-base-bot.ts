import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import type { KnowledgeBaseBotConfig, KnowledgeBaseEntry } from '../../shared/config/bot';

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
}

// English function words plus the fragments the default tokenizer leaves from contractions ("can't" -> "can", "t").
const STOP_WORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both but by
  can could did do does doing don down during each few for from further had has have having he her here hers him his
  how i if in into is it its itself just let me more most my no nor not of off on once only or other our ours out over
  own please same she should so some such than thank thanks that the their them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your yours
  hi hello hey s t d ll m re ve want need like know tell get got take make go also another anyone someone something way`.split(/\s+/),
);

/** Lowercase, strip diacritics, drop stop words, Porter-stem: "Returning" and "returns" both become "return". */
export function processTerm(term: string): string | null {
  const plain = term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // Order numbers and amounts say nothing about which question this is, and would read as unknown words.
  if (plain.length === 0 || STOP_WORDS.has(plain) || /\d/.test(plain)) return null;
  return stemmer(plain);
}

// Words the knowledge base never uses weigh 0.3 of an unseen word's IDF: enough that "gift cards" does not borrow
// confidence from "card", little enough that chatty words ("bought", "Monday") do not sink a clear match.
// Tuned on the demo knowledge base's paraphrases and off-topic questions.
const UNKNOWN_TERM_WEIGHT = 0.3;

const tokenize: (text: string) => string[] = MiniSearch.getDefault('tokenize');

export function contentTerms(text: string): string[] {
  const terms = tokenize(text).map(processTerm);
  return [...new Set(terms.filter((t): t is string => t !== null))];
}

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

const indexes = new WeakMap<readonly KnowledgeBaseEntry[], KnowledgeIndex>();

function indexFor(entries: readonly KnowledgeBaseEntry[]): KnowledgeIndex {
  const cached = indexes.get(entries);
  if (cached) return cached;
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
  const index = { search, byId: new Map(entries.map((e) => [e.id, e])), selfScore, idf };
  indexes.set(entries, index);
  return index;
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

export function answerFromKnowledgeBase(question: string, config: KnowledgeBaseBotConfig): KnowledgeBaseAnswer {
  const fallback = (confidence: number, heldBack = false): KnowledgeBaseAnswer => ({
    reply: config.fallbackReply,
    confidence,
    intent: null,
    fallback: true,
    matchedEntryId: null,
    outOfScope: false,
    heldBack,
  });
  if (config.entries.length === 0) return fallback(0);
  const index = indexFor(config.entries);
  const queryTerms = contentTerms(question);
  const results = queryTerms.length > 0 ? index.search.search(question) : [];
  const confidence = round(scoreConfidence(index, queryTerms, results));
  const entry = results[0] ? index.byId.get(String(results[0].id)) : undefined;
  if (!entry) return fallback(confidence);
  if (confidence < config.confidenceThreshold) return fallback(confidence, confidence >= config.confidenceThreshold * NEAR_MISS_SHARE);
  return {
    reply: entry.answer,
    confidence,
    intent: entry.intent ?? entry.id,
    fallback: entry.outOfScope === true,
    matchedEntryId: entry.id,
    outOfScope: entry.outOfScope === true,
    heldBack: false,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// MiniSearch multiplies the BM25+ sum by the number of matched query terms; undo that so scores compare linearly.
const perTerm = (r: SearchResult) => r.score / Math.max(1, r.queryTerms.length);
