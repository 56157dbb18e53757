import { normalizeText, wordsOf } from './text';

/**
 * Whether a bot reply says no at all: "I can't change orders", "no puedo", "je ne peux pas", "leider
 * nicht", "infelizmente", "purtroppo", "helaas". A reply that only confirms what it did ("I've updated
 * the postcode", "Korrigiert: Hausnummer 41") reads close to "I cannot change your order" by meaning
 * (same matter, same words) but refuses nothing: the meaning of "the bot cannot" needs one of these.
 */
const REFUSING = new Set(
  (
    "not n't no cannot cant can't unable unfortunately sorry afraid impossible " +
    'nunca lamentablemente desafortunadamente siento imposible ' +
    "ne n' pas malheureusement desole desolee " +
    'nicht kein keine keinen leider unmoglich ' +
    'nao infelizmente desculpe lamento impossivel ' +
    'non purtroppo spiacente impossibile ' +
    'niet geen helaas onmogelijk sorry'
  ).split(' '),
);

// A reply that opens with yes answers the question ("Sí, mientras no se haya enviado puedes cambiar la talla").
const OPENS_WITH_YES =
  /^\W*(?:yes|yep|sure|si(?=\s*[,!.]|\s*$)|oui|ja|sim|claro|certo|certamente|bien sur|klar|natuurlijk|zeker)(?![\p{L}])/u;

export function soundsRefusing(text: string): boolean {
  const normalized = normalizeText(text);
  if (OPENS_WITH_YES.test(normalized)) return false;
  return /n't\b/u.test(normalized) || wordsOf(normalized).some((w) => REFUSING.has(w) || (w.startsWith("n'") && w.length > 2));
}
