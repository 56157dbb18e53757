/**
 * An order in the visitor's account that they say they never placed: "there's an order in here for a
 * laptop i never placed", "une commande de 300 € que je n'ai jamais passée", "da ist eine Bestellung
 * über 2 Airpods, die ich nie aufgegeben habe". Someone else is using the account: a case for the
 * account team. The order word comes first, the disowning within a few words in the same sentence.
 * Reads normalized text.
 */
const ORDER =
  '(?:order|orders|purchase|purchases|bestellung|bestellungen|pedido|pedidos|compra|compras|commande|commandes|achat|encomenda|encomendas|ordine|ordini|acquisto|bestelling|bestellingen|aankoop)';
const DISOWNED = [
  "(?:i|we) (?:never|didn't|did not|have never) (?:place|placed|make|made|order|ordered)",
  '(?:yo )?(?:no|nunca) (?:he )?(?:hice|hecho|pedi|realice|realizado)',
  "je n'ai (?:jamais|pas) (?:passee?s?|faite?s?|commandee?s?)",
  '(?:die|das) ich (?:nie|nicht|niemals) (?:aufgegeben|bestellt|getatigt)',
  '(?:eu )?(?:nao|nunca) (?:fiz|pedi|encomendei|realizei)',
  'non ho (?:mai )?(?:fatto|ordinato|effettuato)',
  '(?:die|dat) ik (?:niet|nooit) (?:heb )?(?:geplaatst|besteld|gedaan)',
].join('|');
const DISOWNED_ORDER = new RegExp(
  `(?<![\\p{L}])${ORDER}(?![\\p{L}])(?:[\\s,]+[\\p{L}\\p{N}'€$£.,-]+){0,8}?[\\s,]+(?:que\\s+|che\\s+)?(?:${DISOWNED})(?![\\p{L}])`,
  'u',
);

/** The words of an order the visitor disowns; null when none. */
export function findDisownedOrder(normalized: string): string | null {
  for (const sentence of normalized.split(/[.;!?\n]/u)) {
    const found = DISOWNED_ORDER.exec(sentence);
    if (found) return found[0];
  }
  return null;
}
