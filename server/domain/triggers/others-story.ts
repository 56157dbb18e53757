import { asksHowTo } from './text';

/**
 * Someone else's misfortune told beside the visitor's own how-to question, in another sentence: "my
 * mate's account got hacked last week so I'm a bit paranoid now. how do I turn on 2 step login?",
 * "Mijn collega zegt dat haar account ooit gehackt is. Hoe zet ik zelf tweestapsverificatie aan?".
 * The topic word is the other person's story; the visitor asks the bot something it can answer. Said
 * in one sentence ("my wife's account was hacked, how do I get her back in?") it stays a case.
 * Reads normalized text.
 */
const OTHER_PERSON = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      "my (?:\\p{L}+ )?(?:friend|mate|buddy|colleague|coworker|co-worker|neighbou?r|sister|brother|mum|mom|mother|dad|father|wife|husband|cousin|aunt|uncle|son|daughter|gran|grandma|grandpa)(?:'s)?|a friend of mine",
      'mi (?:amig[oa]|colega|vecin[oa]|herman[oa]|madre|padre|mujer|marido|prim[oa]|hij[oa]|abuel[oa])',
      '(?:mon|ma) (?:ami|amie|pote|collegue|voisin|voisine|soeur|frere|mere|pere|femme|mari|copain|copine|cousin|cousine|fils|fille)',
      '(?:mein|meine|meinem|meiner) (?:freund|freundin|kumpel|kollege|kollegin|nachbar|nachbarin|schwester|bruder|mutter|vater|frau|mann|cousin|sohn|tochter)',
      '(?:meu|minha) (?:amig[oa]|colega|vizinh[oa]|irma|irmao|mae|pai|esposa|marido|prim[oa]|filh[oa])',
      '(?:(?:il |la )?mi[oa]) (?:amic[oa]|collega|vicin[oa]|sorella|fratello|madre|padre|moglie|marito|cugin[oa]|figli[oa])',
      'mijn (?:vriend|vriendin|maat|collega|buurman|buurvrouw|zus|broer|moeder|vader|vrouw|man|neef|nicht|zoon|dochter)',
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

// The visitor's own money or account in it makes it their case: "My son bought games on my card. How
// do I get a refund?", "My husband's card was charged twice. How can I get the money back?".
const OWN_STAKE = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      'my (?:card|account|money|bank)|on my|refund|money back|charged|get (?:it|them|her|him) back|recover',
      'mi (?:tarjeta|cuenta|dinero)|reembols|devolu|cobr|recuperar',
      'ma carte|mon compte|mon argent|rembours|debite|preleve|recuperer',
      'meine[rm]? (?:karte|konto|geld)|erstatt|zuruck|abgebucht',
      'meu cartao|minha conta|meu dinheiro|reembols|estorn|cobrad',
      'mia carta|mio conto|mio account|rimbors|addebit|recuperare',
      'mijn (?:kaart|rekening|account|geld)|terugbetal|terugkrijgen|afgeschreven',
    ].join('|') +
    ')',
  'u',
);

// Another company's story: "mijn buurman is gehackt bij een andere webshop", "a eu un litige avec un autre site".
const ELSEWHERE = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      '(?:another|a different|some other) (?:shop|store|site|website|webshop|company|retailer|seller|platform|app|provider)',
      '(?:otra|una) (?:tienda|web|pagina|empresa|plataforma|app) (?:distinta|diferente)|otra (?:tienda|web|pagina|empresa|plataforma)|otro (?:sitio|comercio|proveedor)',
      '(?:un autre|une autre) (?:site|boutique|magasin|entreprise|plateforme|vendeur|marchand|appli)',
      '(?:einem|einer|ein|eine) (?:anderen|andere|anderer) (?:shop|onlineshop|online-shop|anbieter|handler|firma|website|seite|plattform|app)',
      '(?:outra|outro) (?:loja|empresa|plataforma|site|app|vendedor)',
      "(?:un altro|un'altra|un altra) (?:sito|negozio|venditore|azienda|piattaforma|app)",
      '(?:een andere|een ander) (?:webshop|winkel|site|website|aanbieder|bedrijf|platform|app|verkoper)',
    ].join('|') +
    ')(?![\\p{L}])',
  'u',
);

/** The other person named, when their story and the visitor's how-to question are separate sentences; null otherwise. */
export function findOthersStory(normalized: string): string | null {
  if (OWN_STAKE.test(normalized)) return null;
  // Someone else's trouble with another company, then the visitor's own question: told in one sentence too.
  const other = OTHER_PERSON.exec(normalized);
  if (other && ELSEWHERE.test(normalized) && /[?¿]/u.test(normalized)) return other[0];
  const sentences = normalized.split(/[.!?¿¡\n]+/u).filter((s) => s.trim() !== '');
  const story = sentences.findIndex((s) => OTHER_PERSON.test(s) && !asksHowTo(s));
  if (story < 0 || !sentences.some((s, i) => i !== story && asksHowTo(s))) return null;
  return OTHER_PERSON.exec(sentences[story] ?? '')?.[0] ?? null;
}
