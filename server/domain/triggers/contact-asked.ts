import { humanRequestKeyWords } from './human-request-lexicon';
import { asksHowTo } from './text';

/**
 * Someone named beside a way of reaching them, with no "no" in the message: "could somebody from your
 * billing team give me a ring", "échanger avec quelqu'un de chez vous", "jemanden erreichen", "alguém
 * do financeiro me ligar". Not a request by itself ("do your technicians call before they come?"
 * a how-to question is about the product); it backs a meaning that leans to a person.
 */
const CONTACT =
  /(?<![\p{L}])(?:call|ring|phone|speak|talk|reach|contact|line|llam\w*|hablar|contact\w*|telefone\w*|appeler|rappeler|appelle|rappelle|appelez|rappelez|parler|echanger|joindre|anruf\w*|rufen|sprechen|reden|erreich\w*|telefonier\w*|lig\w*|falar|conversar|chiam\w*|parlare|sentire|telefon\w*|bel|bellen|belt|spreken|praten|bereik\w*)(?![\p{L}])/u;
const NO =
  /(?<![\p{L}])(?:not|no|don'?t|never|nadie|nunca|ne|pas|personne|nicht|kein\w*|nao|nunca|ninguem|non|mai|nessuno|niet|geen|nooit)(?![\p{L}])|n't/u;

export function asksToReachSomeone(normalized: string, words: readonly string[]): boolean {
  return (
    words.some((w) => humanRequestKeyWords.has(w.replace(/'/g, ''))) &&
    CONTACT.test(normalized) &&
    !NO.test(normalized) &&
    !asksHowTo(normalized)
  );
}
