import { splitClauses } from './text';

/**
 * Praise that means the opposite: a clause of nothing but praise in a message that says something
 * did not happen ("nobody came, nobody called. brilliant, really brilliant", "bravo, encore raté",
 * "na toll, wieder nichts"). Praise words otherwise read as joy and set frustration aside; here they
 * back a meaning that leans to frustration. Reads normalized text.
 */
const PRAISE_ONLY = new RegExp(
  '^\\s*(?:(?:oh|wow|na|well|really|just|so|sehr|ganz|vraiment|muy|molto|echt|simplesmente|simplemente)\\s+)*' +
    '(?:brilliant|great|perfect|wonderful|fantastic|lovely|genial|perfecto|estupendo|fantastico|bravo|super|parfait|genial|formidable|toll|prima|klasse|super|otimo|perfeito|maravilha|fantastico|perfetto|ottimo|complimenti(?: a tutti)?|geweldig|fantastisch|prachtig|top|what a help|quelle aide|que ajuda(?: incrivel)?|que ayuda|was fur eine hilfe|che aiuto|wat een hulp)' +
    '(?:\\s+(?:really|just|then|so|alors|hein|dann|entao|allora|dus|hoor))*\\s*$',
  'u',
);
const DID_NOT_HAPPEN =
  /(?<![\p{L}])(?:nobody|no one|nothing|never|not|again|still|already|deja|schon|gia|nadie|nada|nunca|otra vez|personne|rien|jamais|encore|niemand|nichts|nie|wieder|ninguem|nunca|de novo|nessuno|niente|mai|ancora|niemand|niets|nooit|weer)(?![\p{L}])|n't/u;

/** The praise clause said in sarcasm; null when none. */
export function findSarcasm(normalized: string): string | null {
  if (!DID_NOT_HAPPEN.test(normalized)) return null;
  const praise = splitClauses(normalized).find((clause) => PRAISE_ONLY.test(clause));
  return praise?.trim() ?? null;
}
