import { humanRequestKeyWords } from './human-request-lexicon';
import { asksHowTo } from './text';

/**
 * Someone named beside a way of reaching them, with no "no" in the message: "could somebody from your
 * billing team give me a ring", "échanger avec quelqu'un de chez vous", "jemanden erreichen", "alguém
 * do financeiro me ligar". Not a request by itself ("do your technicians call before they come?"
 * a how-to question is about the product); it backs a meaning that leans to a person.
 */
const CONTACT =
  /(?<![\p{L}])(?:call|ring|phone|speak|talk|reach|contact|line|llam\w*|hablar|contact\w*|telefone\w*|appeler|rappeler|appelle|rappelle|appelez|rappelez|parler|echanger|joindre|anruf\w*|rufen|sprechen|reden|erreich\w*|telefonier\w*|ligar|ligue|liguem|ligarem|falar|conversar|chiam\w*|parlare|sentire|telefon\w*|bel|bellen|spreken|praten|bereik\w*)(?![\p{L}])/gu;
// Not French "personne": "parler à une personne" asks for one.
const NO =
  /(?<![\p{L}])(?:not|no|don'?t|never|nadie|nunca|ne|pas|nicht|kein\w*|nao|ninguem|non|mai|nessuno|niet|geen|nooit)(?![\p{L}])|n't/u;

export function asksToReachSomeone(normalized: string, words: readonly string[]): boolean {
  if (NO.test(normalized) || asksHowTo(normalized)) return false;
  const reaching = new Set(normalized.match(CONTACT) ?? []);
  // Someone other than the way of reaching them: "phone" alone is a product, not a person and a call.
  const someone = words.some((w) => !reaching.has(w) && humanRequestKeyWords.has(w.replace(/'/g, '')));
  return reaching.size > 0 && someone;
}
