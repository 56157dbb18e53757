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

/** Worn out, or giving up with no waiting still ahead ("ci rinuncio", "j'abandonne"): the words, or null. */
export function findWornOutOrGivingUp(normalized: string): string | null {
  const givingUp = findGivingUp(normalized);
  return findWornOut(normalized) ?? (givingUp !== null && !WAITS_AHEAD.test(normalized) ? givingUp : null);
}
