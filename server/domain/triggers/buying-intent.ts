import { bulkQuantity } from './bulk-quantity';
import type { CompiledTriggers } from './compile';
import type { AnalyzedText } from './phrase-index';

const SEAT_WORDS = 'seats|licenses|licences|licencias|lizenzen|licencas';
const HEAD_WORDS = `users|employees|people|team members|agents|usuarios|empleados|utilisateurs|employes|nutzer|benutzer|mitarbeiter|funcionarios|gebruikers|medewerkers|werknemers|utenti|dipendenti|${SEAT_WORDS}`;
// "for 300 users" ("voor 200 users", "per 50 utenti") is a purchase; "30 users can't log in" is not, so head counts need "for".
const SEAT_COUNT = new RegExp(
  `(?:for|para|pour|fur|voor|per)\\s+(\\d[\\d,.]*)\\s+(?:${HEAD_WORDS})(?![\\p{L}])|(?<![\\p{L}\\p{N}])(\\d[\\d,.]*)\\s+(?:${SEAT_WORDS})(?![\\p{L}])`,
  'u',
);

// "onze school gebruikt de app voor 25 gebruikers": users the visitor already has.
const USES_ALREADY =
  /(?<![\p{L}])(?:use|uses|using|used|gebruikt|gebruiken|nutzen|nutzt|usamos|usa|utilisons|utilise|usiamo|usano)(?![\p{L}])/u;
const UNIT_BEFORE = /(?:gb|mb|tb|kb|€|\$|£|eur|euro|euros|\d)\s*$/u;

/** The words that show intent to buy in one visitor message; null when none. */
export function detectBuyingIntent(text: AnalyzedText, compiled: CompiledTriggers): string | null {
  const { seatsAtLeast } = compiled.config.buying_intent;
  for (const clause of text.clauses) {
    if (compiled.buying.unless.find(text, { clauses: [clause], isNegationAware: false })) continue;
    const hit = compiled.buying.keywords.find(text, { clauses: [clause] });
    if (hit && !hit.isNegated) return hit.evidence;
    const seats = seatsAtLeast === null || USES_ALREADY.test(clause) ? null : SEAT_COUNT.exec(clause);
    // "10 GB per 25 users" is a limit, not a purchase: "per" counts only when no unit comes before it.
    if (seats?.[0].startsWith('per') && UNIT_BEFORE.test(clause.slice(0, seats.index))) continue;
    const count = seats ? Number((seats[1] ?? seats[2] ?? '').replace(/[,.]/g, '')) : 0;
    if (seats && seatsAtLeast !== null && count >= seatsAtLeast) return seats[0];
  }
  return seatsAtLeast === null ? null : bulkQuantity(text.normalized, seatsAtLeast);
}
