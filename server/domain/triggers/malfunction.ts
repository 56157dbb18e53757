/**
 * Something that stopped working, said in words the routing keywords cannot list: a negation a few
 * words before the verb ("sigue sin funcionar", "ne marche toujours pas", "geht IMMER NOCH nicht",
 * "werkt nog steeds niet"), "keeps crashing", or a service gone ("al twee weken geen internet"). A
 * technical matter for routing when no keyword named the issue type. Reads normalized text.
 */
const GAP = "(?:[\\p{L}']+\\s+){0,3}";
// Not "open" in any language: "not open on Sundays" is about opening hours.
const VERBS_AFTER_NEGATION =
  '(?:work(?:s|ing)?|load(?:s|ing)?|connect(?:s|ing)?|start(?:s|ing)?|sync(?:s|ing)?|print(?:s|ing)?|' + // en
  'funciona\\w*|carga|conecta|arranca|sincroniza|imprime|' + // es, pt
  'marche|fonctionne|charge|connecte|demarre|synchronise|' + // fr (after ne)
  'carrega|reconhece|' + // pt
  'funziona|carica|parte|collega|sincronizza|stampa|legge|' + // it
  // a form that will not go through: "le formulaire ne se valide pas" (not "appear": a payment that does not
  // appear on a statement is billing's)
  'save|saves|upload|uploads|submit|submits|guarda|sube|valida|valide|enregistre|salva|envia|invia)';
// Whole words only ("need", "now", "new", "mail" are no negations); an elided "n'" runs into its verb.
const NEGATIONS = "(?:(?<![\\p{L}])(?:not|never|no|sin|nunca|ne|nao|sem|non|mai)\\s+|n't\\s*|(?<![\\p{L}])n')";
const NEGATION_THEN_VERB = `${NEGATIONS}${GAP}${VERBS_AFTER_NEGATION}(?![\\p{L}])`;
// German and Dutch put the negation after the verb.
const VERB_THEN_NEGATION =
  '(?<![\\p{L}])(?:geht|funktioniert|ladt|startet|verbindet|synchronisiert|druckt|speichert|werkt|laadt|verbindt|synchroniseert|doet het)\\s+' +
  `${GAP}(?:nicht|niet)(?![\\p{L}])`;
const KEEPS_FAILING =
  '(?<![\\p{L}])(?:(?:keeps?|kept)\\s+(?:crashing|freezing|logging me out|dropping|disconnecting|restarting|failing)|non va(?! bene)|' +
  // thrown out of the app: "l'app mi butta fuori ogni volta", "me echa de la app", "wirft mich raus"
  '(?:kicks|throws|kicked|threw) me out|me echa (?:de la app|fuera)|me saca de la app|me expulsa|me jette dehors|wirft mich (?:\\p{L}+ )?raus|' +
  'me joga para fora|me desloga|mi butta fuori|mi sbatte fuori|gooit me eruit|gooit mij eruit)(?![\\p{L}])';
const SERVICE_GONE =
  "(?<![\\p{L}])(?:(?:no|without|sin|sans|pas de|kein|keine|ohne|sem|senza|geen|zonder)\\s+|pas d')" +
  '(?:internet|wifi|wi-fi|signal|senal|signaal|sinal|segnale|connection|conexion|connexion|verbindung|conexao|connessione|verbinding|reseau|netz|rede|rete|linea|ligne|linha|tv|tele|fibra|fibre|empfang|bereik|netwerk)(?![\\p{L}])';

// "l'app non mi fa prenotare", "la app no me deja adjuntar", "it won't let me log in".
const WONT_LET_ME =
  "(?<![\\p{L}])(?:(?:doesn't|does not|won't|will not|wouldn't) let me|no me deja|ne me laisse pas|lasst mich nicht|nao me deixa|non mi fa|non mi lascia|laat me niet)(?![\\p{L}])";
// "a net cai de meia em meia hora", "se me cae el internet", "die Verbindung bricht ständig ab".
const LINK =
  '(?:internet|net|broadband|wifi|wi-fi|rede|sinal|conexao|ligacao|conexion|linea|connexion|ligne|verbindung|netz|connessione|verbinding|signal|tv|modem|router|decoder|ontvanger)';
const DROPS = '(?:cai|caiu|cae|cayo|se cae|se corta|cade|coupe|bricht|fallt|valt|drops?|cuts?)';
const CONNECTION_DROPS = `(?<![\\p{L}])(?:${LINK}\\s+(?:[\\p{L}']+\\s+){0,2}?${DROPS}|${DROPS}\\s+(?:[\\p{L}']+\\s+){0,2}?${LINK})(?![\\p{L}])`;

// "Llevo tres semanas sin poder emitir facturas": without being able to, for a while.
const WITHOUT_BEING_ABLE = '(?<![\\p{L}])(?:sin poder|sans pouvoir|sem conseguir|sem poder|senza riuscire|senza poter)(?![\\p{L}])';

const MALFUNCTION = new RegExp(
  `${NEGATION_THEN_VERB}|${VERB_THEN_NEGATION}|${KEEPS_FAILING}|${SERVICE_GONE}|${WONT_LET_ME}|${CONNECTION_DROPS}|${WITHOUT_BEING_ABLE}`,
  'u',
);

/** The words that say something stopped working, as written; null when none. */
export function findMalfunction(normalized: string): string | null {
  return MALFUNCTION.exec(normalized)?.[0] ?? null;
}
