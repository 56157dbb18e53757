import {
  affirmativeReply,
  botRefusal,
  botRequestSources,
  humanRequestKeyWords,
  humanRequestSources,
  standaloneRequest,
} from './human-request-lexicon';
import { type AnalyzedText, findInClauses, type PhraseHit, phraseSource, withElidedParts, wordRegex } from './phrase-index';
import { normalizeText, splitClauses, wordsOf } from './text';

// Someone else's words ("my friend said 'talk to an agent'") are not the visitor asking; the
// visitor quoting themselves ("I already typed 'agent' twice") is.
const QUOTED = /"([^"]{1,200})"|«\s*([^»]{1,200})»|(?<![\p{L}\p{N}])'([^']{1,200})'(?![\p{L}\p{N}])/gu;
const SELF_QUOTE =
  /\b(?:i|i've|i have|i've already|i already|ive)\s+(?:already\s+)?(?:said|say|typed|type|wrote|written|asked for|asked|told you|keep saying|keep typing|am saying)\s*:?\s*$/u;

interface Quotes {
  /** The text with other people's quotations blanked out. */
  own: string;
  /** What the visitor quoted themselves saying, judged as a message of its own. */
  selfQuoted: string[];
}

function separateQuotes(normalized: string): Quotes {
  const selfQuoted: string[] = [];
  const own = normalized.replace(QUOTED, (whole, a: string | undefined, b: string | undefined, c: string | undefined, offset: number) => {
    if (SELF_QUOTE.test(normalized.slice(Math.max(0, offset - 40), offset))) selfQuoted.push(a ?? b ?? c ?? '');
    return ' '.repeat(whole.length);
  });
  return { own, selfQuoted };
}

export interface HumanRequestDetector {
  /** The request (or a negated mention, which retracts an earlier one); null when none. */
  detect(text: Pick<AnalyzedText, 'normalized' | 'words'>): PhraseHit | null;
}

const isStandalone = (text: string): boolean => standaloneRequest.test(wordsOf(text).join(' '));

const mayRequest = (words: readonly string[], keys: ReadonlySet<string>): boolean =>
  words.some((w) => withElidedParts(w).some((part) => keys.has(part)));

const botMention = wordRegex(botRequestSources);

/** Turning the bot away asks for a person: "I don't want to talk to a bot", "no bots please". */
function refusesBot(clauses: readonly string[]): PhraseHit | null {
  const refusal = clauses.find((c) => botRefusal.test(wordsOf(c).join(' ')) || (botMention && findInClauses(botMention, [c])?.isNegated));
  return refusal ? { evidence: refusal.trim(), isNegated: false } : null;
}

export function compileHumanRequest(extraPhrases: readonly string[]): HumanRequestDetector {
  const extras = extraPhrases.filter((p) => p.trim() !== '');
  const keys = new Set([
    ...humanRequestKeyWords,
    ...extras.flatMap((p) => wordsOf(normalizeText(p.replace(/\*$/, ''))).map((w) => w.replace(/'/g, ''))),
  ]);
  const regex = wordRegex([...humanRequestSources, ...extras.map(phraseSource)]);
  const find = (text: string): PhraseHit | null => (regex ? findInClauses(regex, splitClauses(text)) : null);
  return {
    detect({ normalized, words }) {
      if (!mayRequest(words, keys)) return null;
      const { own, selfQuoted } = separateQuotes(normalized);
      for (const clause of splitClauses(own)) if (isStandalone(clause)) return { evidence: clause.trim(), isNegated: false };
      for (const quote of selfQuoted) {
        if (isStandalone(quote) || find(quote)?.isNegated === false) return { evidence: quote.trim(), isNegated: false };
      }
      const hit = find(own);
      return hit && !hit.isNegated ? hit : (refusesBot(splitClauses(own)) ?? hit);
    },
  };
}

/** Whether a message is just a yes ("yes please", "sí", "ok"), for accepting an offer of a person. */
export const isAffirmative = (words: readonly string[]): boolean => affirmativeReply.test(words.join(' '));
