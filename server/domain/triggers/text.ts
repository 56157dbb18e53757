/** Lowercase, accents stripped, typographic quotes unified: every matcher sees this form. */
export function normalizeText(text: string): string {
  // Plain ASCII (most messages) has no accents or typographic quotes to undo.
  if (!/[^ -~\s]/.test(text)) return text.toLowerCase().replace(/`/g, "'");
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„‟]/g, '"');
}

// Commas and full stops split only before a space, so "1,000 seats" and "no.5" stay whole.
const CLAUSE_BREAK = /[!?;\n]+|[.,:](?=\s|$)|\s(?:but|pero|mais|aber|mas|however)\s/u;

/** A negation or topic word governs its clause, not the whole message ("I don't know, get me an agent"). */
export function splitClauses(normalized: string): string[] {
  return normalized.split(CLAUSE_BREAK).filter((c) => c.trim() !== '');
}

export function wordsOf(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}']+/gu) ?? [];
}

// Words that may stand between a negation and what it negates: "don't really want to talk to".
const BRIDGE = new Set(
  (
    "i i'm im i'd id we you me to really even ever want wanna need needed going gonna would like have actually necessarily think believe guess " +
    'a an the my any yet do be is am at all right now anymore more plus ' +
    'quiero necesito yo mi un una el la que hablar ' +
    "je veux voudrais besoin de d un une d'un d'une le moi mon ma parler " +
    'ich will mochte brauche einen eine ein mein meine mit ' +
    'eu quero preciso um uma o meu minha falar'
  ).split(' '),
);
const NEGATION = new Set(
  (
    "not don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't never without nobody neither nor " +
    'nunca sin ni tampoco ne pas jamais sans nicht kein keine keinen keinem keiner nie niemals ohne nao sem nem'
  ).split(' '),
);

/**
 * Whether a negation governs the words just before `start`. "no" counts only with a verb
 * between ("no quiero un agente", "no need to"), since "no refund yet" still wants the refund.
 */
export function isNegatedAt(clause: string, start: number): boolean {
  const before = wordsOf(clause.slice(0, start));
  let bridged = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i] ?? '';
    if (NEGATION.has(word) || /^n'/.test(word) || (word === 'no' && bridged > 0)) return true;
    if (!BRIDGE.has(word)) return false;
    bridged++;
  }
  return false;
}
