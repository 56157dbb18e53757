import { hasNegation } from './text';

/**
 * A double charge told as a story rather than named: money taken ("eingezogen", "charged", "cobrado",
 * "prélevé") and an order or payment made only once ("Bestellt hab ich aber genau einmal", "but I
 * ordered once", "mais je n'ai commandé qu'une fois"), in the same message. The keywords of a billing
 * dispute name it ("charged twice"); this is the visitor counting. Reads normalized text.
 */
const TAKEN =
  '(?:charged|debited|cobrad[oa]s?|cobraron|cobrasteis|cobraram|preleve[es]?|debite[es]?|' +
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

// Money taken twice, the count straight after the charge ("cobraron dos veces", "charged me twice") or
// an amount between ("2x 59,90 abgebucht"); not "billed twice a year", "twice the amount", "twee keer zo snel".
const TWICE =
  '(?:2x|x2|2 x|zweimal|2 mal|doppelt|twice|two times|2 times|dos veces|2 veces|deux fois|2 fois|duas vezes|2 vezes|due volte|2 volte|twee keer|2 keer|dubbel)';
const TO_ME = "(?:(?:me|us|mir|uns|nos|mi|ci|ons|mij|m'|nous)\\s+)?";
const NOT_A_COUNT =
  '(?!\\s+(?:a|an|per|the|as|so|zo|al|por|par|pro|im|ao|all|l|el|la|le|il|o|het|de|den|mais|mas|meer|mehr|more|als|que|come|como|plus|tanto|autant|so viel)(?![\\p{L}]))';
const TAKEN_TWICE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${TWICE}\\s+(?:[€$£]?\\d[\\d.,]*\\s*(?:€|eur|euro|euros|\\$|£)?\\s+)?${TAKEN}|${TAKEN}\\s+${TO_ME}${TWICE}${NOT_A_COUNT})(?![\\p{L}\\p{N}])`,
  'u',
);

// An order made once counts as a story only against the charges: a contrast ("but I ordered once",
// "Bestellt hab ich aber genau einmal") or two charges told with their dates or amounts.
const CONTRAST =
  /(?<![\p{L}])(?:but|yet|while|whereas|though|although|aber|doch|jedoch|mais|alors que|pero|sin embargo|mas|porem|ma|pero|maar|terwijl)(?![\p{L}])/u;
// Clauses end at a stop or a comma, not at the comma of an amount ("2x 59,90").
const CLAUSE = /[;!?\n]|[.,](?!\d)/u;
const TWO_FIGURES = /\d[^\d]+\d/u;
// The visitor saying all is well: "correctamente, gracias", "korrekt abgebucht", "that's right, cheers".
const ALL_WELL =
  /(?<![\p{L}])(?:correct|correctly|correctamente|correcto|correcta|corretamente|correto|correta|correttamente|corretto|corretta|correctement|korrekt|richtig|klopt|passt|that'?s right|right amount|cheers|all good|alles gut|alles in ordnung|alles is in orde|in orde|tout va bien|tout est en ordre|todo bien|todo correcto|tudo certo|tudo bem|tutto bene|tutto ok|perfect|perfecto|perfeito|perfetto|parfait|parfaite|super|genial|i trust you|trust you guys)(?![\p{L}])/u;

/** The words of an order made once beside money taken, or of money taken twice; null when the message tells neither. */
// A charge from a place the visitor has never been: "un cargo de una tienda de Hamburgo donde jamás he estado".
// The place alone is a travel or gift question ("a guide for a city where I've never been?").
const NEVER_BEEN =
  /(?<![\p{L}])(?:where i'?ve never been|where i have never been|donde (?:jamas|nunca) he estado|ou je n'ai jamais ete|ou je ne suis jamais allee?|wo ich (?:noch )?nie war|onde nunca estive|dove non sono mai stat[oa]|waar ik (?:nog )?nooit geweest ben)(?![\p{L}])/u;
const CHARGE_WORD =
  /(?<![\p{L}])(?:charge|charges|transaction|payment|cargo|cargos|cobro|transaccion|prelevement|debit|paiement|abbuchung|buchung|belastung|cobranca|debito|addebito|transazione|afschrijving|transactie)(?![\p{L}])/u;

export function findChargeStory(normalized: string): string | null {
  const neverBeen = NEVER_BEEN.exec(normalized);
  if (neverBeen && CHARGE_WORD.test(normalized)) return neverBeen[0];
  if (!TAKEN_WORD.test(normalized) || ALL_WELL.test(normalized)) return null;
  const clauses = normalized.split(CLAUSE);
  // "I wasn't charged twice", "Ich wurde nicht doppelt belastet": the charge itself denied.
  if (clauses.some((clause) => TAKEN_WORD.test(clause) && hasNegation(clause))) return null;
  const twice = clauses.map((clause) => TAKEN_TWICE.exec(clause)?.[0]).find((found) => found !== undefined);
  const once = ORDERED_ONCE.exec(normalized)?.[0];
  const counted = once !== undefined && (CONTRAST.test(normalized) || TWO_FIGURES.test(normalized)) ? once : undefined;
  return counted ?? twice ?? null;
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
  // "Ma banque m'a dit de ne pas contester", "I don't want to refund through my bank, I trust you guys".
  if (ALL_WELL.test(normalized)) return null;
  for (const clause of normalized.split(CLAUSE)) {
    const found = BANK_REVERSAL.exec(clause);
    if (found && !hasNegation(clause)) return found[0];
  }
  return null;
}
