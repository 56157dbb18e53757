import { hasNegation } from './text';

/**
 * A double charge told as a story rather than named: money taken ("eingezogen", "charged", "cobrado",
 * "prélevé") and an order or payment made only once ("Bestellt hab ich aber genau einmal", "but I
 * ordered once", "mais je n'ai commandé qu'une fois"), in the same message. The keywords of a billing
 * dispute name it ("charged twice"); this is the visitor counting. Reads normalized text.
 */
const TAKEN =
  '(?:charged|taken|debited|billed|cobrad[oa]s?|cobraron|cobrasteis|cobraram|preleve[es]?|debite[es]?|facture[es]?|' +
  'eingezogen|abgebucht|belastet|berechnet|abgezogen|addebitat[oi]|prelevat[oi]|afgeschreven|geincasseerd|afgeboekt)';
const ORDERED =
  '(?:ordered|bought|paid|purchased|pedi|compre|pague|commande|achete|paye|bestellt|gekauft|bezahlt|' +
  'encomendei|pedi|comprei|paguei|ordinato|comprato|pagato|besteld|gekocht|betaald)';
const ONCE = '(?:once|one time|una vez|une fois|une seule fois|einmal|ein mal|uma vez|una volta|una sola volta|een keer|1 keer|eenmaal)';
const GAP = "(?:[\\p{L}'.]+\\s+){0,4}";
const TAKEN_WORD = new RegExp(`(?<![\\p{L}])${TAKEN}(?![\\p{L}])`, 'u');
const ORDERED_ONCE = new RegExp(
  `(?<![\\p{L}])(?:${ORDERED}\\s+${GAP}${ONCE}|${ONCE}\\s+${GAP}${ORDERED}|qu'une (?:seule )?fois)(?![\\p{L}])`,
  'u',
);

// Money taken twice with the amount between: "habt ihr mir 2x 59,90 abgebucht", "charged me twice the 19.99".
const TWICE =
  '(?:2x|x2|2 x|zweimal|2 mal|doppelt|twice|two times|2 times|dos veces|2 veces|deux fois|2 fois|duas vezes|2 vezes|due volte|2 volte|twee keer|2 keer|dubbel)';
const TAKEN_TWICE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TWICE}\\s+(?:[\\p{L}\\p{N}'.,€$£]+\\s+){0,4}?${TAKEN}|${TAKEN}\\s+(?:[\\p{L}\\p{N}'.,€$£]+\\s+){0,4}?${TWICE})(?![\\p{L}\\p{N}])`,
  'u',
);

/** The words of an order made once beside money taken, or of money taken twice; null when the message tells neither. */
export function findChargeStory(normalized: string): string | null {
  if (!TAKEN_WORD.test(normalized)) return null;
  const twice = normalized
    .split(/[.;!?\n]/u)
    .filter((clause) => !hasNegation(clause))
    .map((clause) => TAKEN_TWICE.exec(clause)?.[0])
    .find((found) => found !== undefined);
  return ORDERED_ONCE.exec(normalized)?.[0] ?? twice ?? null;
}

/**
 * A charge the visitor has asked their bank to take back: "ho già chiesto alla mia banca di stornare gli
 * 89 euro", "ik heb mijn bank al gevraagd om die tweede terug te draaien", "I've asked my bank to reverse
 * it", "j'ai demandé à ma banque d'annuler le prélèvement". The bank and the reversal in one clause.
 */
const BANK = '(?:bank|banks|banco|banque|banca)';
const REVERSE =
  '(?:reverse|refund|dispute|chargeback|claw back|devolver|devuelva|anular|anule|retroceder|retrocesion|reclamar|' +
  'annuler|rembourser|rejeter|contester|zuruckbuchen|zuruckholen|zuruckgeben|widerrufen|storniert|stornieren|' +
  'estornar|estorno|contestar|reembolsar|stornare|storno|annullare|rimborsare|contestare|' +
  'terug te draaien|terugdraaien|terug te boeken|terugboeken|terug te halen|terughalen|storneren)';
const BANK_REVERSAL = new RegExp(
  `(?<![\\p{L}])(?:${BANK}\\s+(?:[\\p{L}'.]+\\s+){0,7}?(?:d'|l')?${REVERSE}|${REVERSE}\\s+(?:[\\p{L}'.]+\\s+){0,4}?(?:via|through|with|por|con|par|avec|uber|pela|pelo|tramite|con la|via de)\\s+(?:my |mi |ma |meine |a minha |la mia |mijn )?${BANK})(?![\\p{L}])`,
  'u',
);

/** The words of a charge the visitor's bank is asked to reverse; null when none. */
export function findBankReversal(normalized: string): string | null {
  for (const clause of normalized.split(/[.;!?\n]/u)) {
    const found = BANK_REVERSAL.exec(clause);
    if (found) return found[0];
  }
  return null;
}
