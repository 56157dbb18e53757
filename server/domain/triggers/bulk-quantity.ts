/**
 * A purchase in bulk: "we're 80 in the call center, who do I talk to to close it?", "120 kits for
 * this summer, do you do group rates?". A head count or a quantity at or above the site's seat
 * threshold, with a word of commerce or of contacting someone in the same message. Amounts of
 * time or money and order numbers are no quantities.
 */
const NUMBER = /(?<![\p{L}\p{N}#])(\d{1,3}(?:[.,\s]\d{3})+|\d{1,5})(?![.,]?\d)(\s*(?:\p{L}+|[%€$£]))?/gu;
const NOT_A_QUANTITY = new RegExp(
  [
    '%',
    '€',
    '\\$',
    '£',
    'eur',
    'euro',
    'euros',
    'usd',
    'dollars?',
    'reais',
    'r\\$',
    'kg',
    'kilos?',
    'kilo',
    'gb',
    'mb',
    'min',
    'mins',
    'minutes?',
    'minutos?',
    'minuten',
    'minuti',
    'hours?',
    'horas?',
    'heures?',
    'stunden?',
    'ore',
    'uur',
    'days?',
    'd[ií]as',
    'jours?',
    'tage?n?',
    'giorni',
    'dagen',
    'dias',
    'weeks?',
    'semanas?',
    'semaines?',
    'wochen?',
    'settimane',
    'weken',
    'months?',
    'meses',
    'mois',
    'monate?n?',
    'mesi',
    'maanden',
    'years?',
    'a[nñ]os',
    'ans',
    'jahre?n?',
    'anni',
    'jaar',
    'times',
    'veces',
    'fois',
    'mal',
  ]
    .map((w) => `^${w}$`)
    .join('|'),
  'u',
);
const COMMERCE =
  /(?<![\p{L}])(?:discount\w*|price\w*|pricing|quote|deal|offer|rates?|wholesale|trade|bulk|buy|purchase|call|contract|close it|sign|switch\w*|descuento\w*|precio\w*|presupuesto|tarifa\w*|comprar|cerrar\w*|contratar|remise\w*|prix|devis|tarif\w*|acheter|finaliser|rabatt\w*|preis\w*|angebot\w*|konditionen|kaufen|abschlie\w*|sconto|sconti|prezz\w*|preventiv\w*|compra\w*|korting\w*|prijs\w*|tarie[fv]\w*|offerte|kopen|overstap\w*|desconto\w*|pre[çc]o\w*|or[çc]amento|fechar|atacado|groothandel\w*|gro[ßs]handel\w*|mayoreo|mayorista|ingrosso|en gros|with whom|who do i|con qui[eé]n|mit wem|[àa] qui|com quem|con chi|met wie)(?![\p{L}])/u;
/**
 * Words of a purchase only beside people or pieces counted ("a 60-person agency … a rollout", "siamo 40
 * in ufficio e vorremmo cambiare piattaforma", "mit unserem logo, 300 Stück"): with slides, photos,
 * boxes, a version or a house number they are no purchase ("25 fotos para una presentación").
 */
const COMMERCE_WITH_HEADS =
  /(?<![\p{L}])(?:rollout|roll it out|charge us|cobrarnos|nos cobrariais|nous facturer|uns berechnen|nos cobrar|farci pagare|ons rekenen|with our logo|mit unserem logo|con nuestro logo|avec notre logo|com o nosso logo|com nosso logo|con il nostro logo|met ons logo|una presentacion|une presentation|eine prasentation|uma apresentacao|una presentazione|een presentatie|trocar de plataforma|cambiar de plataforma|changer de plateforme|plattform wechseln|cambiare piattaforma|moving off)(?![\p{L}])/u;
const HEADS_AFTER =
  /^\s*-?\s*(?:person|persons|people|personas|personnes|personen|pessoas|persone|mensen|users|usuarios|utilisateurs|nutzer|benutzer|utenti|gebruikers|employees|empleados|employes|mitarbeiter\w*|funcionarios|dipendenti|medewerkers|werknemers|teachers|profesores|professores|enseignants|lehrer\w*|docenti|docenten|students|estudiantes|alunos|studenti|staff|seats|licenses|licences|st[uü]ck|stueck|pieces|piezas|pieces|pezzi|stuks|unidades|unites|units|in (?:the office|ufficio|der firma|la oficina|oficina|au bureau|kantoor|het kantoor|o escritorio|la empresa|azienda))(?![\p{L}])/u;

/** A year ("la foto è mia, l'ho scattata nel 2019 e…") is no quantity: a four-digit 1950–2099 with no item word after it. */
const YEAR = /^(?:19[5-9]\d|20\d\d)$/;
const CONNECTOR = /^(?:|e|y|i|o|u|a|and|or|but|et|ou|und|oder|en|of|ma|mais|pero|aber|maar|mas|na|no|em|in|im|nel|dal)$/u;
/** An HTTP status ("started throwing 401s", "same 401. every scope is ticked") is no head count. */
const STATUS = /^[45]\d\d$/;
const STATUS_AFTER = /^(?:s|error|errors|errores|erreur|erreurs|fehler|erro|erros|errore|errori|fout|fouten)$/u;
const STATUS_BEFORE = /(?:error|http|status|code|codigo|fehler|erro|errore|fout|foutcode|same|getting|got|krijg|bekomme)\s+$/u;

/** Phone numbers ("0207 946 0321", "+34 612-345-678") are blanked out before counting. */
const PHONE = /\+?\d[\d\s().-]{7,}\d/gu;

/** A weight bought every month ("roughly 40kg of beans a month", "400 kg droogvoer per maand") is a supply, not one parcel. */
const RECURRING_WEIGHT =
  /(?<![\p{L}\p{N}])\d[\d.,]*\s*(?:kg|kilos?)(?![\p{L}])[^.?!]{0,40}?(?<![\p{L}])(?:a|per|each|every|al|por|par|pro|im|ao|in|each)\s+(?:month|week|mes|semana|mois|semaine|monat|woche|mese|settimana|maand|week)(?![\p{L}])/u;

export function bulkQuantity(text: string, atLeast: number): string | null {
  const lower = text.toLowerCase();
  const commerce = COMMERCE.test(lower);
  if (!commerce && !COMMERCE_WITH_HEADS.test(lower)) return null;
  const supply = RECURRING_WEIGHT.exec(lower);
  if (supply && Number.parseFloat((supply[0].match(/\d[\d.,]*/u)?.[0] ?? '0').replace(',', '.')) >= atLeast) return supply[0];
  for (const match of lower.replace(PHONE, ' ').matchAll(NUMBER)) {
    const digits = match[1] ?? '';
    const unit = (match[2] ?? '').trim();
    if (
      /^\d{5,}$/.test(digits) ||
      NOT_A_QUANTITY.test(unit) ||
      (YEAR.test(digits) && CONNECTOR.test(unit)) ||
      (STATUS.test(digits) && (STATUS_AFTER.test(unit) || STATUS_BEFORE.test(lower.slice(0, match.index))))
    )
      continue;
    const count = Number(digits.replace(/[.,\s]/g, ''));
    if (!commerce && !HEADS_AFTER.test(lower.slice((match.index ?? 0) + digits.length))) continue;
    if (count >= atLeast && count <= 1_000_000) return match[0].trim();
  }
  return null;
}
