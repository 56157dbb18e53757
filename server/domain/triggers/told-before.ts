/**
 * The visitor saying the bot's answer is one they were already given, or a promise that already
 * slipped: "that's what it said on the 3rd, the 9th and the 14th", "Das stand da gestern auch",
 * "questa risposta me l'avete già data martedì", "foi exatamente o que me disseram há duas semanas",
 * "Versprochen war KW 10, dann KW 12", "Vorige maand was het week 9, daarna week 11". After the bot's
 * answer it is frustration told without a frustration word: the answer goes round in circles. Not in
 * a question ("is that what you told me yesterday?"), nor when the visitor is only checking ("just to
 * confirm, that's what you said?"). Reads normalized text.
 */
const SAID_BEFORE = [
  // en
  "that'?s (?:exactly |also )?what (?:it|you|the (?:app|site|tracking|bot|email)) (?:said|told me|wrote|promised)",
  '(?:you|it|they) (?:already )?(?:said|told me|promised) (?:that|the same|exactly that|the same thing) (?:yesterday|last week|last time|before|too|already|twice|on )',
  'same (?:answer|reply|thing|message) (?:as|you gave me) (?:yesterday|last week|last time|before)',
  // es
  '(?:eso|lo mismo|exactamente lo mismo|eso mismo) (?:me|nos) (?:dijeron|dijisteis|dijiste|dijo|habeis dicho|han dicho|prometieron|prometisteis)',
  '(?:me|nos) (?:dijeron|dijisteis|dijo|prometieron|prometisteis) (?:exactamente )?(?:lo mismo|eso mismo)',
  'la misma respuesta (?:que|de) (?:ayer|la semana pasada|la otra vez)',
  'tambien me lo (?:dijiste|dijisteis|habias dicho|habeis dicho)',
  // fr
  "c'est (?:exactement |deja )?ce (?:qu'on|que vous|qu'il|qu'elle) m'a(?:vez|vait|viez)? (?:deja )?(?:dit|ecrit|promis|repondu)",
  "(?:vous|on) m'a(?:vez|vait)? (?:deja )?dit (?:la meme chose|exactement pareil|pareil|exactement la meme chose)",
  'meme reponse que (?:hier|la semaine|la derniere fois)',
  "(?:vous|on) me l'a(?:vez|vait)? deja (?:dit|ecrit|promis)",
  // de
  '(?:das|dasselbe|genau das|das gleiche|genau das gleiche) (?:stand|hiess es) (?:[\\p{L}]+ ){0,3}(?:auch|schon|bereits)(?![\\p{L}])',
  '(?:das|dasselbe|genau das|das gleiche) (?:haben sie|habt ihr|hast du|hat man|hat es|sagten sie|sagtet ihr) (?:mir |uns )?(?:[\\p{L}]+ ){0,3}(?:gesagt|geschrieben|versprochen|geantwortet)',
  'die gleiche antwort wie',
  // pt
  '(?:foi|e) (?:exatamente |justamente )?o que (?:me|nos) (?:disseram|disse|prometeram|responderam|escreveram)',
  '(?:me|nos) (?:disseram|disse|prometeram) (?:exatamente )?(?:a mesma coisa|o mesmo)',
  'a mesma resposta (?:de|que) (?:ontem|semana passada|da outra vez)',
  'ja me (?:disseram|disse) (?:isso|o mesmo|a mesma coisa)',
  // it
  "(?:questa risposta|la stessa risposta|lo stesso|la stessa cosa|questo|questa cosa) (?:me|ce) (?:l'avete|l'hai|l'ha|lo avete|l'aveva|l'avevate) (?:gia )?(?:data|dato|detto|detta|scritto|scritta|promesso)",
  'mi (?:avete|hai|ha|avevate) (?:gia )?(?:detto|scritto|risposto|promesso) (?:la stessa cosa|lo stesso|esattamente lo stesso)',
  "(?:me|ce) l'(?:avete|hai|avevate) gia (?:detto|scritto|promesso)",
  // nl
  'dat (?:zeiden|zei|stond|beloofden|schreven) (?:jullie|je|u|er|ze) (?:[\\p{L}]+ ){0,3}(?:ook|al)(?![\\p{L}])',
  'hetzelfde (?:antwoord|verhaal) als (?:gisteren|vorige week|vorige keer)',
  'dat hebben jullie (?:me |mij )?(?:[\\p{L}]+ ){0,2}(?:gezegd|beloofd|geschreven)',
  // the same status for days: "dat staat er dus al 9 dagen", "it's been showing that for a week", "dice così da 5 giorni"
  "(?:it'?s|it has|that'?s) been (?:saying|showing) (?:that|this|the same) (?:for|since) ",
  '(?:dat|het) staat er (?:dus |nou |nu )?(?:al|sinds) ',
  '(?:das|es) steht (?:da |dort )?(?:doch |ja )?(?:schon |seit )(?:\\d+|einer|einem|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|tagen|wochen) ',
  '(?:lleva|llevan) (?:[\\p{L}\\p{N}]+ ){1,2}(?:diciendo|poniendo) (?:eso|lo mismo)',
  '(?:ca|il) (?:dit|affiche|indique) (?:ca|la meme chose) depuis ',
  '(?:diz|mostra) (?:isso|o mesmo|a mesma coisa) (?:ha|desde) ',
  '(?:dice|segna|risulta) (?:cosi|questo|la stessa cosa) da ',
].join('|');
const SAID = new RegExp(`(?<![\\p{L}])(?:${SAID_BEFORE})`, 'u');

// A slot that moved: "week 9, daarna week 11", "KW 10, dann KW 12", "lunes, luego el jueves".
const SLOT =
  '(?:(?:week|wk|kw|semana|semaine|woche|settimana)\\s*\\d{1,2}|\\d{1,2}[./]\\d{1,2}|' +
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo|' +
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|' +
  'segunda|terca|quarta|quinta|sexta|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|' +
  'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)';
const THEN = '(?:then|dann|danach|daarna|toen|luego|despues|puis|ensuite|depois|poi|dopo)';
const MOVED = new RegExp(
  `(?<![\\p{L}\\p{N}])${SLOT}[,.;]?\\s+(?:and\\s+|und\\s+|en\\s+|y\\s+|et\\s+|e\\s+)?${THEN}\\s+(?:(?:the|el|le|la|der|die|de|o|a|il|op|am|on)\\s+)?${SLOT}(?![\\p{L}\\p{N}])`,
  'u',
);
// A slot moved is a promise broken only in the past tense: "Versprochen war KW 10", "was het week 9".
const PAST =
  /(?<![\p{L}])(?:was het|was it|it was|promised|said|war es|es war|versprochen|hiess|angekundigt|prometido|prometieron|dijeron|promis|annonce|prometeram|disseram|promesso|detto|beloofd|zeiden|stond)(?![\p{L}])/u;
// The visitor's own days: "Ich war Montag, dann Dienstag im Urlaub", "Ik was maandag, daarna dinsdag vrij".
const OWN_DAYS =
  /(?<![\p{L}])(?:i was|i'm|ich war|ich bin|ik was|ik ben|yo estaba|estaba|j'etais|je suis|eu estava|eu fui|ero|sono)(?![\p{L}])/u;

const CHECKING =
  /(?<![\p{L}])(?:just to (?:confirm|check|be sure)|just checking|double[ -]check|para confirmar|solo para confirmar|pour confirmer|juste pour verifier|zur sicherheit|zur bestatigung|so para confirmar|per conferma|per sicurezza|even checken|ter bevestiging)(?![\p{L}])/u;

/**
 * Agreement or calm beside it: "Eso me dijeron en la tienda, perfecto, lo compro", "Dat zei je ook al, prima",
 * "it's been showing that for a week, … no stress", "Dice così da 2 giorni, ma nessuna fretta".
 */
const AGREES =
  /(?<![\p{L}])(?:perfect|perfecto|perfecta|perfeito|perfeita|perfetto|parfait|prima|passt|otimo|all clear|procedo|lo compro|je commande|vou comprar|ich bestelle|ora ho capito|now i get it|no stress|no rush|no worries|no hurry|sin prisa|tranquilos|tranquilo|nessuna fretta|sem pressa|aucun souci|pas de souci|pas de probleme|rustig|geen haast|geen probleem|keine eile|kein problem|alles klar)(?![\p{L}])/u;

/** The words saying the answer was given (or the date promised) before; null when none. */
export function findToldBefore(normalized: string): string | null {
  if (CHECKING.test(normalized) || AGREES.test(normalized)) return null;
  for (const sentence of normalized.split(/(?<=[.!?;\n])/u)) {
    if (sentence.includes('?')) continue;
    const said = SAID.exec(sentence);
    if (said) return said[0];
    const moved = MOVED.exec(sentence);
    if (moved && PAST.test(sentence) && !OWN_DAYS.test(sentence)) return moved[0];
  }
  return null;
}

/** "obrigada na mesma", "thanks anyway", "trotzdem danke": thanks that close a door, not a happy ending. */
const THANKS_ANYWAY =
  /(?<![\p{L}])(?:thanks anyway|thank you anyway|gracias de todos modos|gracias igual|gracias igualmente|merci quand meme|trotzdem danke|danke trotzdem|obrigad[oa] na mesma|obrigad[oa] mesmo assim|grazie lo stesso|grazie comunque|toch bedankt|bedankt alsnog)(?![\p{L}])/u;

export const thanksAnyway = (normalized: string): boolean => THANKS_ANYWAY.test(normalized);

/** "si grazie, questa risposta me l'avete già data": a yes-thanks opening the message acknowledges, it is no happy ending. */
const OPENING_THANKS =
  /^\s*(?:(?:yes|yeah|ok|okay|si|oui|ja|sim|jawohl|ah|oh)[\s,]+)?(?:thanks|thank you|thx|gracias|merci|danke|obrigad[oa]|grazie|bedankt|dank je|dank u)\s*[,.!;:]/u;

export const withoutOpeningThanks = (normalized: string): string => normalized.replace(OPENING_THANKS, ' ');
