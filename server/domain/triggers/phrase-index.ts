import { hasNegation, isNegatedAt, normalizeText, splitClauses, wordsOf } from './text';

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}])';

/** Turns a config phrase into a regex source: spaces match a gap, hyphen or nothing, `'` is optional. */
export function phraseSource(phrase: string): string {
  const normalized = normalizeText(phrase.trim());
  const isPrefix = normalized.endsWith('*') && normalized.length > 1;
  const body = isPrefix ? normalized.slice(0, -1) : normalized;
  const escaped = body
    .replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    .replace(/\s+/g, '[\\s-]*')
    .replace(/'/g, "'?");
  return isPrefix ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
}

/** Wraps alternatives (regex sources) in whole-word boundaries; longest first so the fullest phrase is quoted. */
export function wordRegex(sources: readonly string[]): RegExp | null {
  if (sources.length === 0) return null;
  const alternatives = [...sources].sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`${BOUNDARY_BEFORE}(?:${alternatives})${BOUNDARY_AFTER}`, 'gu');
}

/** The first mention in the clauses, preferring one that is not negated. */
export function findInClauses(regex: RegExp, clauses: readonly string[], isNegationAware = true): PhraseHit | null {
  let negated: PhraseHit | null = null;
  for (const clause of clauses) {
    for (const m of clause.matchAll(regex)) {
      // A phrase that says "never" itself ("mai chiesto il permesso") is only stressed by a "nobody" before it.
      const isSaidNegatively = isNegationAware && hasNegation(m[0]);
      if (!isNegationAware || isSaidNegatively || !isNegatedAt(clause, m.index, m.index + m[0].length)) {
        return { evidence: m[0], isNegated: false };
      }
      negated ??= { evidence: m[0], isNegated: true };
    }
  }
  return negated;
}

const bareWord = (word: string): string => (word.includes("'") ? word.replace(/'/g, '') : word);

/**
 * A word as the index looks it up: "i'm" as "im", and an elided article's noun on its own too
 * ("all'avvocato": avvocato, "l'opérateur": operateur), so Italian and French keywords are found.
 */
export const withElidedParts = (word: string): string[] =>
  word.includes("'") ? [bareWord(word), ...word.split("'").filter((part) => part.length > 2)] : [word];

// Too common to tell lists apart: a phrase is indexed by its rarest-looking word instead.
const COMMON = new Set(
  (
    'i im id a an the to of in on at is am are be it its my me we you your our and or not no do did does can how what this that for with ' +
    'el la los las de que en un una es mi le les des et je ne der die das und ist ich ein o um uma com meu'
  ).split(' '),
);

/**
 * The words a message must contain for the phrase to match: its longest uncommon word, alone or
 * run together with its neighbours ("log in" also matches "login"). A trailing `*` makes every
 * key ending with the last word a prefix key.
 */
function anchorsOf(phrase: string): { exact: string[]; prefix: string[] } {
  const trimmed = phrase.trim();
  const isWildcard = trimmed.endsWith('*');
  const words = wordsOf(normalizeText(trimmed.replace(/\*$/, ''))).map(bareWord);
  const exact: string[] = [];
  const prefix: string[] = [];
  if (words.length === 0) return { exact, prefix };
  const weight = (w: string): number => w.length + (COMMON.has(w) ? 0 : 100);
  const key = words.reduce((best, w, i) => (weight(w) > weight(words[best] ?? '') ? i : best), 0);
  for (let from = 0; from <= key; from++) {
    for (let to = key; to < words.length; to++) {
      const joined = words.slice(from, to + 1).join('');
      (isWildcard && to === words.length - 1 ? prefix : exact).push(joined);
    }
  }
  return { exact, prefix };
}

/** A message prepared once for every matcher: its clauses and which matchers could possibly hit. */
export interface AnalyzedText {
  normalized: string;
  words: string[];
  clauses: string[];
  candidates: ReadonlySet<number>;
}

export interface PhraseHit {
  evidence: string;
  isNegated: boolean;
}

export interface PhraseMatcher {
  /** The first mention, preferring one that is not negated; null when none. */
  find(text: AnalyzedText, options?: { clauses?: readonly string[]; isNegationAware?: boolean }): PhraseHit | null;
}

/**
 * Most messages match no phrase at all, so instead of running every list's regex on every
 * message, each phrase's first word is indexed: a message's word prefixes name the few lists
 * that can match, and only their regexes run.
 */
export interface PhraseIndex {
  compile(phrases: readonly string[]): PhraseMatcher;
  analyze(text: string): AnalyzedText;
}

interface PrefixKey {
  prefix: string;
  ids: number[];
}

const BUCKET = 3;

export function createPhraseIndex(): PhraseIndex {
  const exact = new Map<string, number[]>();
  // Prefix keys grouped by their first letters, so a word checks only a handful of startsWith.
  const prefixBuckets = new Map<string, PrefixKey[]>();
  const alwaysRun = new Set<number>();
  let nextId = 0;
  const registerExact = (word: string, id: number): void => {
    const ids = exact.get(word) ?? [];
    if (!ids.includes(id)) exact.set(word, [...ids, id]);
  };
  const registerPrefix = (prefix: string, id: number): void => {
    const bucket = prefixBuckets.get(prefix.slice(0, BUCKET)) ?? [];
    const key = bucket.find((k) => k.prefix === prefix);
    if (key && !key.ids.includes(id)) key.ids.push(id);
    else if (!key) prefixBuckets.set(prefix.slice(0, BUCKET), [...bucket, { prefix, ids: [id] }]);
  };
  const candidatesOf = (words: readonly string[]): Set<number> => {
    const candidates = new Set(alwaysRun);
    for (const bare of words.flatMap(withElidedParts)) {
      for (const id of exact.get(bare) ?? []) candidates.add(id);
      // A prefix shorter than the bucket key is its own bucket key; check those too.
      for (let length = 1; length <= Math.min(BUCKET, bare.length); length++) {
        for (const key of prefixBuckets.get(bare.slice(0, length)) ?? []) {
          if (bare.startsWith(key.prefix)) for (const id of key.ids) candidates.add(id);
        }
      }
    }
    return candidates;
  };
  return {
    compile(phrases) {
      const id = nextId++;
      const usable = phrases.filter((p) => p.trim() !== '' && p.trim() !== '*');
      for (const phrase of usable) {
        const anchors = anchorsOf(phrase);
        for (const word of anchors.exact) registerExact(word, id);
        for (const word of anchors.prefix) registerPrefix(word, id);
        if (anchors.exact.length === 0 && anchors.prefix.length === 0) alwaysRun.add(id);
      }
      const regex = wordRegex(usable.map(phraseSource));
      return {
        find(text, { clauses = text.clauses, isNegationAware = true } = {}) {
          return regex && text.candidates.has(id) ? findInClauses(regex, clauses, isNegationAware) : null;
        },
      };
    },
    analyze(text) {
      const normalized = normalizeText(text);
      const words = wordsOf(normalized);
      return { normalized, words, clauses: splitClauses(normalized), candidates: candidatesOf(words) };
    },
  };
}
