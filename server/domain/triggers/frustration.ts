import type { CompiledTriggers } from './compile';
import type { AnalyzedText } from './phrase-index';
import { asksHowTo, hasNegation, laughs } from './text';

export interface FrustrationHit {
  evidence: string;
  isUrgent: boolean;
  /**
   * Only "urgent" and "!!": a hurry, frustration only beside a case ("I want a refund, this is
   * URGENT!!"); alone it is a need the bot may serve ("urgente!! necesito el justificante para mañana").
   */
  isHurry?: boolean;
}

const REPEATED_PUNCTUATION = /[!?]{3,}|!{2,}|\?!|!\?/u;
const GRATITUDE =
  /(?<![\p{L}])(?:thanks|thank you|thx|great|awesome|perfect|love|amazing|best|happy|gracias|feliz|mejor|encanta|merci|contente?|meilleur|adore|danke|liebe|bester|gluecklich|glucklich|obrigad[oa]|valeu|adorei|grazie|mille|felice|migliore|mito|bedankt|blij|geweldig|genial|super|top|funcionou|dank je|dankjewel|dank u|yay|hooray|hurra|juhu|eba|oba|evviva|yess+|works again|working again|werkt weer|doet het weer|funktioniert wieder|geht wieder|funciona de nuevo|vuelve a funcionar|remarche|voltou a funcionar|funziona di nuovo|amei|amou|adoro|sucesso)(?![\p{L}])/u;
/** Celebration and smiles: "YESSS HET WERKT WEER!!! 🎉" is joy, not shouting. */
const JOY_EMOJI =
  /[\u{1F389}\u{1F38A}\u{1F973}\u{1F60D}\u{1F600}-\u{1F606}\u{1F60A}\u{1F929}\u{1F64F}\u{1F44D}\u{1F4AA}\u{2764}\u{1F970}\u{263A}\u{1F638}-\u{1F63B}]/u;

/** An eye-roll or an angry face makes "great" sarcasm: "geweldig hoor, weer een nutteloze link 🙄". */
const ANNOYED_EMOJI = /[\u{1F644}\u{1F612}\u{1F624}\u{1F621}\u{1F620}\u{1F92C}]/u;

/** Angry faces: two or more are anger on their own ("llevo toda la tarde con esto 🤬🤬"), one is a weak sign. */
const ANGRY_EMOJI = /[\u{1F621}\u{1F620}\u{1F92C}\u{1F4A2}\u{1F47F}]/gu;

/** Thanks, joy or celebration in the visitor's words: capitals and "!!!" beside them are no anger. */
export const isJoyful = (original: string, normalized: string): boolean =>
  !ANNOYED_EMOJI.test(original) && (GRATITUDE.test(unstretched(normalized)) || JOY_EMOJI.test(original));

/** "FUNCIONOUUU", "OBRIGADAAAA", "grazieee": a letter held three times or more, read once. */
const unstretched = (normalized: string): string => normalized.replace(/(\p{L})\1{2,}/gu, '$1');

/** Something broken, said in the visitor's words: with "urgent" it is an emergency, not a hurry. */
const BROKEN =
  /(?<![\p{L}])(?:crash\w*|broken|down|not working|doesn'?t work|does not work|won'?t work|stopped working|error|fail\w*|fix\w*|no funciona|no va|roto|caido|ne marche pas|ne fonctionne pas|en panne|plante|bloque|funktioniert nicht|geht nicht|kaputt|ausgefallen|nao funciona|quebrado|caiu|travando|non funziona|non va|non accetta|rotto|bloccato|werkt niet|doet het niet|kapot|storing|plat)(?![\p{L}])/u;

/** "derde keer dat ik bij jullie bestel, altijd top service": a loyal customer counting orders, not attempts. */
const LOYAL_REPEAT =
  /(?<![\p{L}])(?:(?:third|3rd|fourth|fifth|tercera|cuarta|troisieme|quatrieme|dritten|vierten|terceira|quarta|terza|derde|vierde)\s+(?:time|vez|fois|mal|volta|keer))\s+(?:[\p{L}']+\s+){0,4}?(?:i(?:'ve)?\s+)?(?:order\w*|buy\w*|shop\w*|purchas\w*|book\w*|pido|compro|reservo|commande|achete|bestell\w*|kaufe|buche|peco|ordino|acquisto|prenoto|bestel|koop|boek)(?![\p{L}])/u;

const SOMETHING_WRONG =
  /(?<![\p{L}])(?:cancel\w*|annul\w*|anul\w*|storn\w*|roto|rota|broken|kapot|kaputt|cass[eé]|rotto|quebrad[oa]|late|tarde|retard|verspatet|atrasad[oa]|in ritardo|te laat)(?![\p{L}])/u;

/** Shouted with a problem in it ("WARUM SEH ICH MEINEN KURS NICHT MEHR", "MI BUTTA FUORI OGNI VOLTA"): anger, not joy in capitals. */
const SHOUTED_PROBLEM =
  /(?<![\p{L}])(?:why|warum|wieso|por que|pourquoi|perche|waarom|how come|hoe kan het|como es posible|comment ca se fait|wie kann es sein|como e possivel|com'e possibile|never|nothing|nicht|nichts|kein\w*|nie|nada|nunca|rien|jamais|niente|niet|niks|niets|geen|nooit|can't|cannot|won't|doesn't|didn't|isn't|hasn't|haven't|every time|every single time|each time|cada vez|toda vez|chaque fois|jedes mal|ogni volta|ogni singola volta|elke keer|telkens|again|otra vez|de nuevo|encore|wieder|de novo|di nuovo|weer|opnieuw)(?![\p{L}])/u;

function isShouting(original: string): boolean {
  if (!/\p{Lu}{3}/u.test(original)) return false;
  const letters = original.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 10) return false;
  const upper = original.match(/\p{Lu}/gu)?.length ?? 0;
  const loudWords = original.match(/(?<![\p{L}])\p{Lu}{3,}(?![\p{L}])/gu)?.length ?? 0;
  return upper / letters >= 0.7 && loudWords >= 2;
}

const CAPITAL_WORDS = /(?<![\p{L}\p{N}])\p{Lu}{4,}(?![\p{L}\p{N}])/gu;
/** Capitals that are names, not emphasis (and "urgent", a hurry rather than a sign of anger). */
const NOT_EMPHASIS = new Set(
  (
    'IBAN BIC SWIFT SEPA HDMI WIFI USB USPS DHL GLS UPS GDPR RGPD DSGVO AVG HTML JSON HTTP HTTPS IOS ANDROID VPN SIM ESIM NFC GPS ' +
    'URGENT URGENTE DRINGEND URGENTISSIMO SPOED ASAP'
  ).split(' '),
);

/** One word in capitals ("NOTHING loads", "IMMER NOCH"): emphasis, weaker than shouting; null when none. */
export function capitalWordOf(original: string): string | null {
  return original.match(CAPITAL_WORDS)?.find((w) => !NOT_EMPHASIS.has(w)) ?? null;
}

/** Emphasis that is no frustration on its own: shouting, one angry face, "!!!". The caller sets thanks and joy aside. */
export function emphasisSigns(original: string, compiled: CompiledTriggers): string[] {
  const settings = compiled.config.frustration;
  const signs: string[] = [];
  if (settings.shouting && isShouting(original)) signs.push('shouting');
  if ((original.match(ANGRY_EMOJI)?.length ?? 0) === 1) signs.push('angry face');
  const punctuation = settings.repeatedPunctuation ? REPEATED_PUNCTUATION.exec(original) : null;
  if (punctuation) signs.push(punctuation[0]);
  return signs;
}

/**
 * Strong signals (a frustration phrase, profanity, "urgent" about something broken) fire alone.
 * "Urgent" otherwise, shouting and "!!!" are weak:
 * one alone is emphasis or a hurry the bot may well serve ("urgent - is the 2pm train running?"),
 * two together are frustration ("urgente!!! il POS non accetta carte"), and none counts next to
 * thanks or joy ("THANK YOU SO MUCH!!!", "super, bestell ich sofort!!").
 */
export function detectFrustration(original: string, text: AnalyzedText, compiled: CompiledTriggers): FrustrationHit | null {
  const urgentHit = compiled.frustration.urgent.find(text);
  const urgent = urgentHit && !urgentHit.isNegated ? urgentHit : null;
  // Not when something went wrong: "the third time my order has been cancelled", "la tercera vez que pido y otra vez llega roto".
  const loyal =
    hasNegation(text.normalized) || SOMETHING_WRONG.test(text.normalized) ? '' : (LOYAL_REPEAT.exec(text.normalized)?.[0] ?? '');
  for (const matcher of [compiled.frustration.phrases, compiled.frustration.profanity]) {
    const hit = matcher.find(text);
    // "porra que rápido chegou kkkkk amei": a swear word of delight — laughter or joy faces, not a "thanks"
    // ("Scheiße, danke für gar nichts").
    const isDelight =
      matcher === compiled.frustration.profanity &&
      (laughs(text.normalized) || JOY_EMOJI.test(original)) &&
      !hasNegation(text.normalized) &&
      !ANNOYED_EMOJI.test(original);
    if (hit && !hit.isNegated && !loyal.includes(hit.evidence) && !isDelight) return { evidence: hit.evidence, isUrgent: urgent !== null };
  }
  if ((original.match(ANGRY_EMOJI)?.length ?? 0) >= 2) return { evidence: 'angry faces', isUrgent: urgent !== null };
  const broken = urgent ? BROKEN.exec(text.normalized) : null;
  // "urgent svp, comment je bloque ma carte ?": a how-to in a hurry, the bot can answer it.
  if (urgent && broken && !asksHowTo(text.normalized)) return { evidence: `${urgent.evidence} + ${broken[0]}`, isUrgent: true };
  if (isJoyful(original, text.normalized)) return null;
  const shoutedProblem = compiled.config.frustration.shouting && isShouting(original) ? SHOUTED_PROBLEM.exec(text.normalized) : null;
  if (shoutedProblem) return { evidence: `shouting + ${shoutedProblem[0]}`, isUrgent: urgent !== null };
  const emphasis = emphasisSigns(original, compiled);
  const weak = urgent ? [urgent.evidence, ...emphasis] : emphasis;
  if (weak.length < 2) return null;
  const hasPunctuation = compiled.config.frustration.repeatedPunctuation && REPEATED_PUNCTUATION.test(original);
  if (urgent && hasPunctuation && weak.length === 2 && asksHowTo(text.normalized)) return null;
  const isHurry = urgent !== null && hasPunctuation && weak.length === 2;
  return isHurry ? { evidence: weak.join(' + '), isUrgent: true, isHurry } : { evidence: weak.join(' + '), isUrgent: urgent !== null };
}
