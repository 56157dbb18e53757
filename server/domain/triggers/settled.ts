import { hasNegation } from './text';

/**
 * Cases the visitor reports as settled, so a topic word in the message is news, not a case.
 *
 * Good news about money coming back, with thanks: "just letting you know the refund for order 77410
 * landed today, thanks", "ya me ha llegado el reembolso. ¡Gracias!", "die Erstattung ist heute
 * angekommen, danke euch". The refund word names something settled, not a case to hand over.
 * Anything that keeps it open — a question, a "but", a half, something missing or still to come —
 * leaves it a case. Reads normalized text.
 */
const ARRIVED =
  '(?:landed|arrived|came through|come through|showed up|went through|received|got it back|' + // en
  'ha llegado|me llego|ya llego|llego ayer|llego hoy|he recibido|recibi|' + // es
  "est (?:bien )?arrivee?|sont (?:bien )?arrivee?s|j'ai (?:bien )?recu|bien recu|" + // fr
  'angekommen|eingegangen|gutgeschrieben|(?:habe|hab) (?:\\S+ ){0,3}erhalten|' + // de
  'chegou|recebi|caiu na (?:minha )?conta|' + // pt
  'e arrivat[oa]|sono arrivat[ie]|ho ricevuto|accreditat[oa]|' + // it
  'is binnen|is aangekomen|ontvangen|teruggestort|staat op mijn rekening)'; // nl
const THANKS =
  '(?:thanks?|thank you|thx|ty|cheers|gracias|merci|danke|dankeschon|obrigad[oa]|grazie|bedankt|dank ?je(?:wel)?|dank u|' +
  // or all good: "die Erstattung ist heute angekommen, alles gut 👍", "ya me llegó el reembolso, todo bien"
  'all good|all fine|alles gut|alles bestens|todo bien|todo ok|todo correcto|tout va bien|tout est bon|tout est ok|' +
  'tudo certo|tudo ok|tutto ok|tutto bene|tutto a posto|alles goed|alles ok|alles in orde)';
// What keeps it open; "only"/"solo"/"nur"/"juste" are left out: they also mean "just" ("wollte nur sagen").
// Italian "ma" only before what a clause opens with: French "ma" is "my" ("ma banque dit que rien n'est réglé").
const CONTRAST = "(?:but|pero|mais|aber|mas|maar|ma(?=\\s+(?:il|lo|gli|i|voi|avete|poi|dopo|gia|e|sono|ora|l')))";
const OPEN = `(?:${CONTRAST}|however|still|missing|half|wrong|less|yet|todavia|falta|mitad|menos|toujours|manque|moitie|noch|fehlt|halfte|weniger|falsch|ainda|metade|ancora|manca|meta|nog|ontbreekt|helft|minder)`;
// Wanting it, or its not having come: "I haven't received my refund, thanks", "I would like a refund. Thanks".
const WANTED =
  "(?:want|would like|'d like|need|quiero|quisiera|necesito|voudrais|veux|mochte|will|brauche|quero|gostaria|preciso|voglio|vorrei|ho bisogno|wil|zou graag|moet)";

const SETTLED = new RegExp(`(?<![\\p{L}])${ARRIVED}(?![\\p{L}])`, 'u');
const THANKED = new RegExp(`(?<![\\p{L}])${THANKS}(?![\\p{L}])`, 'u');
const KEPT_OPEN = new RegExp(`(?<![\\p{L}])(?:${OPEN}|${WANTED})(?![\\p{L}])`, 'u');

/** Policy topics that good news of money back settles (the default configuration's ids). */
export const SETTLED_BY_MONEY_BACK: ReadonlySet<string> = new Set(['refund', 'return']);

/** The words reporting the money back, when the message is settled news with thanks; null otherwise. */
// A question about the money keeps it open ("why is it less than I paid?"); one about something else, in a
// clause of its own, does not ("die Erstattung ist angekommen, alles gut 👍 Habt ihr die Trailrunner auch in 43?").
const ABOUT_THE_MONEY = new RegExp(
  '(?<![\\p{L}])(?:refund\\w*|reembols\\w*|rembours\\w*|erstatt\\w*|ruckerstatt\\w*|rimbors\\w*|terugbeta\\w*|terugstort\\w*|estorn\\w*|' +
    'money|dinero|argent|geld|dinheiro|soldi|amount|importe|montant|betrag|valor|importo|bedrag|charge\\w*|cobr\\w*|prelev\\w*|abbuch\\w*|addebit\\w*|' +
    'why|warum|wieso|por que|porque|pourquoi|perche|waarom|how come)(?![\\p{L}])',
  'u',
);
const asksAboutTheMoney = (normalized: string): boolean =>
  normalized.split(/(?<=[.,;!?¿¡\n])/u).some((clause) => /[?¿]/u.test(clause) && ABOUT_THE_MONEY.test(clause));

export function findSettledNews(normalized: string): string | null {
  if (asksAboutTheMoney(normalized) || KEPT_OPEN.test(normalized) || hasNegation(normalized) || !THANKED.test(normalized)) return null;
  return SETTLED.exec(normalized)?.[0] ?? null;
}

/**
 * A problem told as already solved, after a "but": "you double charged me but it got refunded the
 * next day", "me cobrasteis dos veces pero ya me lo devolvisteis, todo ok", "maar dat is al
 * teruggestort", "ma il vostro supporto ha sistemato tutto". Every topic raised before it is past.
 * Not when something reopens it: "but refunded only half", "but it's broken again", "but not refunded".
 */
const SOLVED =
  '(?:refunded|reimbursed|reversed|fixed|sorted|resolved|solved|' + // en
  'devolvisteis|devolvieron|devuelto|reembolsado|solucionado|solucionasteis|arreglado|arreglasteis|resuelto|' + // es
  'rembourse|regle|resolu|repare|' + // fr
  'erstattet|zuruckgebucht|zuruckuberwiesen|behoben|erledigt|gelost|' + // de
  'estornado|estornaram|devolveram|reembolsaram|resolvido|resolveram|arrumado|' + // pt
  'rimborsato|rimborsati|stornato|sistemato|risolto|' + // it
  'teruggestort|terugbetaald|opgelost|gecorrigeerd|rechtgezet)'; // nl
const REOPENED =
  '(?:not|never|only|half|again|still|partly|no|nunca|solo|mitad|otra vez|todavia|pas|seulement|moitie|encore|nicht|nur|halfte|wieder|noch|nao|metade|ainda|de novo|non|meta|ancora|di nuovo|niet|alleen|helft|weer|nog|opnieuw)';
const SOLVED_AFTER_CONTRAST = new RegExp(`(?<![\\p{L}])${CONTRAST}\\s+(?:[\\p{L}']+\\s+){0,6}?${SOLVED}(?![\\p{L}])`, 'u');
const NOTHING = '(?:nothing|nobody|nada|nadie|rien|personne|nichts|niemand|ninguem|niente|nessuno|niks|niets)';
const REOPENS = new RegExp(
  `(?<![\\p{L}])(?:${REOPENED}|${NOTHING}|${WANTED}|supposed|should|deberia|devrait|sollte|deveria|dovrebbe)(?![\\p{L}])`,
  'u',
);

/** The words telling that the problem was already solved; null when none, or when something reopens it. */
export function findSolvedBefore(normalized: string): string | null {
  const solved = SOLVED_AFTER_CONTRAST.exec(normalized);
  if (!solved) return null;
  // From the contrast to the end of its sentence: "…but it got refunded, only half though" reopens it.
  const rest = normalized.slice(solved.index).split(/[.!?;]/u)[0] ?? '';
  return REOPENS.test(rest) || hasNegation(rest) ? null : solved[0];
}
