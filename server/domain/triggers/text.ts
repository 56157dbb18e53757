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

// Words that may stand between a negation and what it negates: "don't really want to talk to",
// "not asking for a refund", "no estoy pidiendo un reembolso". Never "get" or "received": "I didn't
// get my refund" still wants it.
const BRIDGE = new Set(
  (
    "i i'm im i'd id we you me to really even ever want wanna need needed going gonna would like have actually necessarily think believe guess " +
    'a an the my any yet do be is am at all right now anymore more plus asking ask looking interested in for about here ' +
    'quiero necesito yo mi un una el la que hablar estoy pidiendo pido busco es sobre por de hace falta ' +
    "je veux voudrais besoin de d un une d'un d'une le moi mon ma parler demande cherche pour " +
    'ich will mochte brauche einen eine ein mein meine mit frage nach einer um es geht ' +
    'eu quero preciso um uma o meu minha falar estou pedindo peco procurando precisa ' +
    "io voglio vorrei parlare con il lo mi ho bisogno di sentire essere serve che c'e " +
    'ik wil graag met een de het spreken praten hoef heb nodig ' +
    // the auxiliary of "nadie me ha hackeado", "nessuno mi ha addebitato", "niemand heeft"
    'ha hat heeft'
  ).split(' '),
);
const NEGATION = new Set(
  (
    "not don't dont doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't never without nobody neither nor " +
    'nunca sin ni tampoco ne pas jamais sans nicht kein keine keinen keinem keiner nie niemals ohne nao sem nem ' +
    'mai senza niet geen nooit zonder nadie niemand ninguem nessuno'
  ).split(' '),
);

/** Whether these words say "not" themselves ("never licensed", "ohne Erlaubnis", "can't log in"). */
export const hasNegation = (phrase: string): boolean =>
  wordsOf(phrase).some((w) => NEGATION.has(w) || /^n'/.test(w) || /n't$/.test(w) || w === 'non' || w === 'no');

// "no" (Italian and French "non") followed by the speaker is an interjection ("no I want a refund",
// "non je veux un conseiller"), not "no quiero", "non voglio".
const SPEAKER = new Set(['i', "i'm", 'im', "i'd", 'yo', 'je', "j'ai", 'ich', 'eu', 'io', 'ik']);

/** Whether a negation governs the words just before `start` (the mention `start`..`end`). */
function isNegatedBefore(clause: string, start: number): { isNegated: boolean; isNoRightBefore: boolean } {
  const before = wordsOf(clause.slice(0, start));
  let bridged = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i] ?? '';
    // Italian "non" negates what follows at once ("non passarmi a un operatore"); "no" needs a verb between.
    const isNo = (word === 'non' || (word === 'no' && bridged > 0)) && !SPEAKER.has(before[i + 1] ?? '');
    if (NEGATION.has(word) || /^n'/.test(word) || isNo) return { isNegated: true, isNoRightBefore: false };
    if (!BRIDGE.has(word)) return { isNegated: false, isNoRightBefore: bridged === 0 && word === 'no' };
    bridged++;
  }
  return { isNegated: false, isNoRightBefore: false };
}

const NEEDED =
  '(?:needed|necessary|required|wanted|necesari[oa]|requerid[oa]|necessaire|requis|notig|notwendig|erforderlich|necessari[oa])';
const COPULA = '(?:is|was|are|be|es|est|ist|e)';
const NEGATED_AFTER = "(?:not|isn't|isnt|no|nicht|nao|n'est pas|pas)";
// "a refund is not needed", "reembolso no es necesario", "Erstattung nicht notig"
const NOT_NEEDED_AFTER = new RegExp(
  `^\\s*(?:${COPULA}\\s+)?${NEGATED_AFTER}\\s+(?:${COPULA}\\s+)?(?:really\\s+)?${NEEDED}(?![\\p{L}\\p{N}])`,
  'u',
);
// after "no" right before the mention: "no refund needed", "no human necessary"
const NEEDED_AFTER = new RegExp(`^\\s*${NEEDED}(?![\\p{L}\\p{N}])`, 'u');

/**
 * Whether a negation governs the mention at `start`..`end`. "no" counts only with a verb between
 * ("no quiero un agente", "no need to") or "needed" after ("no refund needed"), since "no refund
 * yet" still wants the refund; "not needed" after the mention negates it too.
 */
export function isNegatedAt(clause: string, start: number, end: number): boolean {
  const before = isNegatedBefore(clause, start);
  if (before.isNegated) return true;
  const after = clause.slice(end);
  return NOT_NEEDED_AFTER.test(after) || (before.isNoRightBefore && NEEDED_AFTER.test(after));
}

/** A how-to question: "urgent!! guests in 10 min, how do I reset the wifi password" is a hurry the bot can serve. */
const HOW_TO =
  /(?<![\p{L}])(?:how (?:do|can|to|should)|como (?:hago|puedo|se|faco|posso|consigo)|comment (?:faire|je|on)|wie (?:kann|mache|geht|stelle)|come (?:faccio|posso|si)|hoe (?:kan|moet|doe|zet)|hoe (?!lang)\p{L}+ ik|wie (?!lange|oft|viel)\p{L}+ ich)(?![\p{L}])/u;

export const asksHowTo = (normalized: string): boolean => HOW_TO.test(normalized);

const LAUGH = 'ha(?:ha)+|he(?:he)+|ja(?:ja)+|ah(?:ah)+|lol|mdr|kkk+|rs(?:rs)+';
const LAUGHS_FIRST = new RegExp(`^\\W*(?:${LAUGH}|hihi)(?![\\p{L}])`, 'u');

/** "kkkk vc é mt educado", "Haha, je n'ai pas d'avis": a message that opens laughing is small talk. Reads normalized text. */
export const startsWithLaughter = (normalized: string): boolean => LAUGHS_FIRST.test(normalized);

const LAUGHING = new RegExp(`(?<![\\p{L}])(?:${LAUGH})(?![\\p{L}])|[\\u{1F602}\\u{1F923}\\u{1F604}\\u{1F605}\\u{1F606}]`, 'u');

/** Laughter anywhere in the message ("dommage haha, tant pis", "chegou kkkkk amei"). Reads normalized text. */
export const laughs = (normalized: string): boolean => LAUGHING.test(normalized);
