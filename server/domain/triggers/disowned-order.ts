/**
 * An order in the visitor's account that they say they never placed: "there's an order in here for a
 * laptop i never placed", "une commande de 300 € que je n'ai jamais passée", "da ist eine Bestellung
 * über 2 Airpods, die ich nie aufgegeben habe". Someone else is using the account: a case for the
 * account team. The order word comes first, the disowning within a few words in the same sentence.
 * Reads normalized text.
 */
const ORDER =
  '(?:order|orders|purchase|purchases|bestellung|bestellungen|pedido|pedidos|compra|compras|commande|commandes|achat|encomenda|encomendas|ordine|ordini|acquisto|bestelling|bestellingen|aankoop)';
// The disowning, as a relative clause on the order ("que no hice", "die ich nie aufgegeben habe") or,
// in English, "a laptop i never placed"; it ends the phrase, so "I didn't make any changes", "no hice
// ningún cambio", "je n'ai pas commandé la bonne taille" are no disowned order.
const DISOWNED = [
  "(?:that |which )?(?:i|we) (?:never|didn't|did not|have never) (?:placed|place)",
  "(?:that|which) (?:i|we) (?:never|didn't|did not|have never) (?:make|made|order|ordered)",
  'que (?:yo )?(?:no|nunca) (?:he )?(?:hice|hecho|pedi|realice|realizado)',
  "que je n'ai (?:jamais|pas) (?:passee?s?|faite?s?|commandee?s?)",
  '(?:die|das) ich (?:nie|nicht|niemals) (?:aufgegeben|bestellt|getatigt)(?: habe| hab)?',
  'que (?:eu )?(?:nao|nunca) (?:fiz|pedi|encomendei|realizei)',
  'che non ho (?:mai )?(?:fatto|ordinato|effettuato)',
  '(?:die|dat) ik (?:niet|nooit) (?:heb )?(?:geplaatst|besteld|gedaan)(?: heb)?',
].join('|');
const ENDS = '(?=\\s*(?:[,;:]|$|(?:and|y|et|und|e|en|ma|but|mais|pero|aber|maar|mas|yet)(?![\\p{L}])))';
const DISOWNED_ORDER = new RegExp(
  `(?<![\\p{L}])${ORDER}(?![\\p{L}])(?:[\\s,]+[\\p{L}\\p{N}'€$£.,-]+){0,8}?[\\s,]+(?:${DISOWNED})${ENDS}`,
  'u',
);

// The order is someone's the visitor knows, or it is fine: "it's my husband's. No problem", "mein Mann …, alles gut".
const KNOWN_OWNER_OR_FINE =
  /(?<![\p{L}])(?:husband'?s?|wife'?s?|son'?s?|daughter'?s?|partner'?s?|mann|frau|sohn|tochter|marido|mujer|esposa|esposo|hijo|hija|mari|femme|fils|fille|filho|filha|marito|moglie|figlio|figlia|man|vrouw|zoon|dochter|no problem|all good|alles gut|pas de souci|aucun souci|no pasa nada|tudo bem|nessun problema|geen probleem|tout va bien|todo bien|tutto bene)(?![\p{L}])/u;

/** The words of an order the visitor disowns; null when none. */
export function findDisownedOrder(normalized: string): string | null {
  if (KNOWN_OWNER_OR_FINE.test(normalized)) return null;
  for (const sentence of normalized.split(/[.;!?\n]/u)) {
    const found = DISOWNED_ORDER.exec(sentence);
    if (found) return found[0];
  }
  return null;
}
