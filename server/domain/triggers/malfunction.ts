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
  'funziona|carica|parte|collega|sincronizza|stampa|legge)'; // it
// Whole words only ("need", "now", "new", "mail" are no negations); an elided "n'" runs into its verb.
const NEGATIONS = "(?:(?<![\\p{L}])(?:not|never|no|sin|nunca|ne|nao|sem|non|mai)\\s+|n't\\s*|(?<![\\p{L}])n')";
const NEGATION_THEN_VERB = `${NEGATIONS}${GAP}${VERBS_AFTER_NEGATION}(?![\\p{L}])`;
// German and Dutch put the negation after the verb.
const VERB_THEN_NEGATION =
  '(?<![\\p{L}])(?:geht|funktioniert|ladt|startet|verbindet|synchronisiert|druckt|werkt|laadt|verbindt|synchroniseert|doet het)\\s+' +
  `${GAP}(?:nicht|niet)(?![\\p{L}])`;
const KEEPS_FAILING =
  '(?<![\\p{L}])(?:(?:keeps?|kept)\\s+(?:crashing|freezing|logging me out|dropping|disconnecting|restarting|failing)|non va(?! bene))(?![\\p{L}])';
const SERVICE_GONE =
  "(?<![\\p{L}])(?:(?:no|without|sin|sans|pas de|kein|keine|ohne|sem|senza|geen|zonder)\\s+|pas d')" +
  '(?:internet|wifi|wi-fi|signal|senal|signaal|sinal|segnale|connection|conexion|connexion|verbindung|conexao|connessione|verbinding|reseau|netz|rede|rete|linea|ligne|linha|tv|tele|fibra|fibre|empfang|bereik|netwerk)(?![\\p{L}])';

const MALFUNCTION = new RegExp(`${NEGATION_THEN_VERB}|${VERB_THEN_NEGATION}|${KEEPS_FAILING}|${SERVICE_GONE}`, 'u');

/** The words that say something stopped working, as written; null when none. */
export function findMalfunction(normalized: string): string | null {
  return MALFUNCTION.exec(normalized)?.[0] ?? null;
}
