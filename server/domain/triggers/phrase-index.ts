import { isNegatedAt, normalizeText, splitClauses, wordsOf } from './text';

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
      if (!isNegationAware || !isNegatedAt(clause, m.index)) return { evidence: m[0], isNegated: false };
      negated ??= { evidence: m[0], isNegated: true };
    }
  }
  return negated;
}

const bareWord = (word: string): string => (word.includes("'") ? word.replace(/'/g, '') : word);

/** The words a message must contain for the phrase to match: its first word, or its first words run together ("log in": login). */
function anchorsOf(phrase: string): { exact: string[]; prefix: string | null } {
  const trimmed = phrase.trim();
  const words = wordsOf(normalizeText(trimmed.replace(/\*$/, ''))).map(bareWord);
  const isWildcard = trimmed.endsWith('*');
  if (words.length === 0) return { exact: [], prefix: null };
  if (words.length === 1 && isWildcard) return { exact: [], prefix: words[0] ?? null };
  const joined = words.map((_, i) => words.slice(0, i + 1).join(''));
  return { exact: joined, prefix: isWildcard ? words.join('') : null };
}

/** A message prepared once for every matcher: its clauses and which matchers could possibly hit. */
export interface AnalyzedText {
  normalized: string;
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

export function createPhraseIndex(): PhraseIndex {
  const exact = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const alwaysRun = new Set<number>();
  const prefixLengths = new Set<number>();
  let nextId = 0;
  const register = (map: Map<string, number[]>, word: string, id: number): void => {
    const ids = map.get(word) ?? [];
    if (!ids.includes(id)) map.set(word, [...ids, id]);
  };
  return {
    compile(phrases) {
      const id = nextId++;
      const usable = phrases.filter((p) => p.trim() !== '' && p.trim() !== '*');
      for (const phrase of usable) {
        const anchors = anchorsOf(phrase);
        for (const word of anchors.exact) register(exact, word, id);
        if (anchors.prefix !== null) {
          register(prefixes, anchors.prefix, id);
          prefixLengths.add(anchors.prefix.length);
        }
        if (anchors.exact.length === 0 && anchors.prefix === null) alwaysRun.add(id);
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
      const candidates = new Set(alwaysRun);
      const add = (ids: number[] | undefined): void => {
        if (ids) for (const id of ids) candidates.add(id);
      };
      for (const word of wordsOf(normalized)) {
        const bare = bareWord(word);
        add(exact.get(bare));
        for (const length of prefixLengths) if (length <= bare.length) add(prefixes.get(bare.slice(0, length)));
      }
      return { normalized, clauses: splitClauses(normalized), candidates };
    },
  };
}
