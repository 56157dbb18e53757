import { hasNegation, laughs } from './text';

/**
 * The visitor giving up after the bot's answer, with nothing solved: "Weet je wat, laat maar. Ik zie
 * wel of die tafel ooit nog komt", "guarda, lascia stare. ho speso 249 euro…", "bon. tant pis. quatre
 * fois la même réponse", "to quase desistindo". Not a withdrawal that found its answer ("never mind,
 * found it", "laat maar, het werkt weer"). A sign beside a meaning that leans to frustration, never
 * alone. Reads normalized text.
 */
const GIVE_UP = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'never ?mind|forget it|forget about it|i give up|giving up|whatever|stop asking', // en
      'da igual|olvidalo|dejalo|me rindo|paso de esto|lo dejo estar|lo dejo', // es
      "laisse tomber|laissez tomber|tant pis|oubliez ca|oublie ca|j'abandonne|je laisse tomber", // fr
      "vergiss es|schon gut|egal|ich gebe auf|ich geb'?s auf|dann halt nicht|dann eben nicht", // de
      'esquece|deixa pra la|deixa para la|desisto|desistindo|deixa quieto|deixa estar', // pt
      'lascia stare|lascia perdere|lascio stare|lascio perdere|lasciamo stare|lasciamo perdere|non importa|fa niente|mi arrendo|ci rinuncio', // it
      'laat maar|laat ook maar|vergeet het|ik geef het op|ik geef op|dan maar niet|ik laat het zitten', // nl
      // taking the business elsewhere: "kauf ich halt woanders", "je résilierai"
      'somewhere else|elsewhere|woanders|ailleurs|en otro sitio|en otra parte|em outro lugar|noutro lado|altrove|ergens anders',
      "i'll cancel|je resilierai|je vais resilier|ich kundige|cancelo|vou cancelar|disdico|zeg ik op|ich lass es",
      // it no longer matters: "já nem faz mais diferença", "it doesn't matter anymore"
      "doesn'?t matter anymore|no longer matters|ya no importa|ya no sirve de nada|ca ne sert plus a rien|ist jetzt auch egal|" +
        'ja nem faz (?:mais )?diferenca|ja nao faz diferenca|nao faz mais diferenca|non serve piu|non importa piu|maakt niet meer uit',
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);
/** Something solved or found in the same message: a withdrawal, not giving up. */
const SOLVED = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'found|works|working|worked|sorted|solved|fixed|keep it|keeping it',
      'encontre|encontrado|funciona|resuelto|resolvi|solucionado|me lo quedo',
      'trouve|marche|fonctionne|resolu|regle|je le garde',
      'gefunden|funktioniert|geht wieder|erledigt|behalte',
      'achei|encontrei|funcionou|funciona|resolvi|resolvido',
      'trovato|trovata|funziona|risolto|me lo tengo',
      'gevonden|werkt|gelukt|opgelost|houden',
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

const NOTHING = /(?<![\p{L}])(?:nothing|nada|rien|nichts|niente|niks|niets)(?![\p{L}])/u;

/** The words of giving up; null when none, or when the message says what was solved or laughs it off. */
export function findGivingUp(normalized: string): string | null {
  const found = GIVE_UP.exec(normalized);
  // "forget it, nothing works", "laat maar, het werkt gewoon niet": a "works" denied solves nothing; "dommage haha, tant pis" laughs it off.
  if (!found) return null;
  const rest = normalized.replace(found[0], ' ');
  const isSolved = SOLVED.test(rest) && !hasNegation(rest) && !NOTHING.test(rest);
  return !isSolved && !laughs(normalized) ? found[0] : null;
}
