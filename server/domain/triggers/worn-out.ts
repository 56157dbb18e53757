import { findElapsed } from './elapsed';
import { findGivingUp } from './giving-up';

/**
 * The visitor saying they are worn out: "je suis crevée", "ik heb eerlijk gezegd geen puf meer",
 * "estoy agotada", "non ce la faccio più". After the bot's answer, beside time lost or attempts
 * already made ("ça fait une heure que je tourne en rond, je suis crevée"), it is frustration told
 * without a frustration word; alone it is a fact of the visitor's day ("I'm exhausted after the move,
 * when does my sofa come?"). Reads normalized text.
 */
const END = '(?=\\s*(?:[.!,;]|$))';
const WORN_OUT = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      "i'?m (?:so )?(?:exhausted|worn out|knackered|drained)|i am (?:so )?(?:exhausted|worn out|drained)", // en
      'estoy (?:muy )?(?:agotad[oa]|reventad[oa]|quemad[oa])|ya no puedo mas', // es
      "je suis (?:completement )?(?:crevee?|epuisee?|a bout)|je n'en peux plus|j'en peux plus", // fr
      `ich bin (?:fix und fertig|am ende|mit den nerven am ende)|ich kann nicht mehr${END}`, // de
      'estou (?:exaust[oa]|esgotad[oa])|to (?:exaust[oa]|esgotad[oa])|nao aguento mais', // pt
      `sono (?:esaust[oa]|sfinit[oa]|distrutt[oa])|non ce la faccio piu${END}`, // it
      `geen puf meer|ik ben (?:uitgeput|kapot|op)${END}|ik kan niet meer${END}`, // nl
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

/** The words saying the visitor is worn out; null when none. */
export function findWornOut(normalized: string): string | null {
  return WORN_OUT.exec(normalized)?.[0] ?? null;
}

// Waiting still ahead: "laat maar, ik wacht nog 2 dagen" gives up on nothing lost ("waited", "gewacht" are past).
const WAITS_AHEAD =
  /(?<![\p{L}])(?:wait|will wait|espero|esperare|esperar|attendre|j'attends|warte|warten|aguardo|aguardar|aspetto|aspettare|aspettero|wacht|wachten)(?![\p{L}])/u;

// A purchase decided or a thing that works, in the same message: "li prendo tutti e due", "es klappt prima",
// "the boots were perfect", "Sign me up!". Tired or done choosing, not done with the shop.
const CONTENT =
  /(?<![\p{L}])(?:klappt|prima|benissimo|va bene|it'?s great|awesome|perfect|perfectas?|perfectos?|perfekt|perfecto|perfeito|perfeita|perfetto|perfetta|parfait|parfaite|genial|geweldig|tudo certo|gaat prima|love it|loved|li prendo|lo prendo|la prendo|je prends|je le prends|nehme|i'll take|i'll pick|me lo llevo|me los llevo|vou levar|ik neem|sign me up)(?![\p{L}])/u;

// Giving up on a thing, not on the case: "Da igual el color", "Non importa il colore", "Never mind the colour",
// "Lo dejo en recepción", "J'abandonne l'idée du rouge", "Ich gebe auf mit dem Vergleichen", "I'll cancel my gym".
const THING_AFTER =
  /^\s+(?:the|a|an|my|our|el|la|los|las|un|una|mi|en|con|le|les|l'|un|une|mon|ma|mes|du|des|de|der|die|das|den|dem|ein|eine|mein|meine|mit|o|os|as|um|uma|meu|minha|il|lo|gli|i|uno|mio|mia|con|het|een|mijn|met|in|on|op|auf|al|del|della|of|about|with)(?![\p{L}])|^\s+l'/u;
// "Farbe ist egal": a thing that does not matter.
const THING_BEFORE = /(?<![\p{L}])(?:ist|is|es|e|est|era|war|sind|son|sono)\s+$/u;

function givesUpOnTheCase(normalized: string): string | null {
  const givingUp = findGivingUp(normalized);
  if (givingUp === null || WAITS_AHEAD.test(normalized)) return null;
  const at = normalized.indexOf(givingUp);
  const after = normalized.slice(at + givingUp.length);
  return THING_AFTER.test(after) || THING_BEFORE.test(normalized.slice(0, at)) ? null : givingUp;
}

/** Worn out, or giving up on the case with no waiting still ahead ("ci rinuncio", "j'abandonne"): the words, or null. */
export function findWornOutOrGivingUp(normalized: string): string | null {
  if (CONTENT.test(normalized)) return null;
  return findWornOut(normalized) ?? givesUpOnTheCase(normalized);
}

// Time ahead or spent on something else: "in 3 Tagen", "daqui a 2 dias", "over 2 weken", "after a 3 hour hike",
// "ces 3 jours de canicule", "been working 12 hours". Only time spent on this case counts as lost.
const NOT_LOST_BEFORE =
  /(?<![\p{L}])(?:in|en|entro|tra|fra|within|daqui a|over|nach|dans|after|after a|after an|ces|these|those|de|van|working|worked|hike|hiking|nei|em|a los|al cabo de|dentro de|binnen|innerhalb von)\s+$/u;

/** Time the visitor says they lost on the case ("ça fait une heure", "sinds half 8", "tutto il pomeriggio"); null when none. */
export function findTimeLost(normalized: string): string | null {
  const found = findElapsed(normalized);
  if (found === null) return null;
  return NOT_LOST_BEFORE.test(normalized.slice(0, normalized.indexOf(found))) ? null : found;
}
