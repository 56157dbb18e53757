// The grammar of "I want a person" in English, Spanish, French, German, Portuguese, Italian and Dutch, on
// normalized text (lowercase, no accents). Mixed-language requests work because every list
// joins all seven languages: "hablar con un agent", "speak to un conseiller".

const keyWords = new Set<string>();
const bare = (word: string): string => word.replace(/'/g, '');

const alt = (words: string): string =>
  words
    .split('|')
    .map((w) => w.trim().replace(/'/g, "'?").replace(/ /g, '\\s+'))
    .join('|');

const TALK_VERBS = alt(
  'talk|speak|chat|communicate|get in touch|be connected|be transferred|be put through|connect me|transfer me|put me through|pass me|hand me over|escalate me|' +
    'connect you|transfer you|put you through|pass you|hand you over|' +
    'hablar|charlar|comunicarme|contactar|pasame|paseme|comuniqueme|pasarme|pasenme|transferir|transferirme|transfierame|transfieranme|atienda|atiendan|' +
    'parler|discuter|me mettre en relation|mettez moi en relation|mettez-moi en relation|me passer|passez moi|passez-moi|joindre|me transferer|transferez moi|transferez-moi|' +
    'sprechen|reden|chatten|verbinden sie mich|verbinde mich|' +
    'falar|conversar|me transfira|me passa|me transfere|me transferir|transferir|transfere|transfira|me encaminhe|me encaminha|me atenda|me atende|' +
    'parlare|chattare|sentire|essere contattato|essere contattata|passarmi|passatemi|mi passi|mi passate|mettermi in contatto|' +
    'spreken|praten|doorverbonden worden|verbind me door|verbind me|doorverbinden',
);
const PREPOSITIONS = alt(
  'c/|to|with|through to|over to|con|a|au|avec|en relation avec|mit|com|ao|a um|a uma|al|col|da|dal|dalla|con il|con la|met|naar|para|pra|pro|para o|para a',
);
const DETERMINERS = alt(
  "a|an|the|some|any|your|one of your|someone from your|un|una|el|la|al|algun|une|le|l'|du|einem|einer|einen|eine|dem|der|den|ihrem|ihren|um|uma|o|ao|d'un|d'une|seu|uno|il|lo|vostro|vostra|un vostro|una vostra|een|jullie|een van jullie",
);
const ADJECTIVES = alt(
  'real|actual|live|human|proper|real live|flesh and blood|verdadero|verdadera|vrai|vraie|veritable|echten|richtigen|echte|echter|menschlichen|reel|reelle|' +
    'vero|vera|umano|umana|in carne e ossa|echt|levende',
);
/**
 * Registers a list's head nouns as key words: no request is possible without one of them. The
 * last word of each entry suffices (every word of an entry must be present for it to match) and
 * is the rarest ("customer service": service, not customer).
 */
const key = (words: string): string => {
  for (const entry of words.split('|'))
    keyWords.add(
      bare(
        entry
          .trim()
          .split(/[\s-]+/)
          .at(-1) ?? '',
      ),
    );
  return alt(words);
};

const TARGETS = key(
  'human|humans|human being|person|people|agent|agents|representative|rep|operator|someone|somebody|anyone|anybody|whoever|' +
    'staff|staff member|member of staff|employee|team member|manager|supervisor|support|support team|support agent|' +
    'customer service|customer support|customer care|your team|help desk|helpdesk|' +
    'humano|persona|persona real|agente|asesor|asesora|operador|operadora|representante|alguien|ejecutivo|' +
    "conseiller|conseillere|humain|personne|operateur|quelqu'un|interlocuteur|service client|" +
    'atencion al cliente|servicio al cliente|soporte|' +
    'mitarbeiter|mitarbeiterin|menschen|mensch|berater|beraterin|kundenberater|kundendienst|kundenservice|jemandem|jemand|ansprechpartner|ansprechpartnerin|' +
    'atendente|pessoa|alguem|consultor|suporte|atendimento|atendimento ao cliente|' +
    'technician|engineer|tecnico|technicien|techniker|technicus|developer|entwickler|desarrollador|developpeur|desenvolvedor|sviluppatore|ontwikkelaar|' +
    'operatore|operatrice|persona vera|essere umano|addetto|addetta|consulente|qualcuno|responsabile|servizio clienti|assistenza clienti|staff|' +
    'medewerker|medewerkster|mens|persoon|iemand|klantenservice|adviseur|collega|leidinggevende|qqn|colaborador|colaboradora|' +
    "gente de verdade|gente de verdad|pessoa de verdade|persona de verdad|alguien de verdad|alguem de verdade|quelqu'un en vrai|" +
    // A team or department by name: "falar com o financeiro", "whoever does your billing", "jullie tech team".
    'billing team|billing department|accounts team|finance team|tech team|technical team|' +
    'facturacion|departamento de facturacion|contabilidad|equipo tecnico|service facturation|comptabilite|equipe technique|' +
    'buchhaltung|abrechnung|technik team|financeiro|setor financeiro|faturamento|contabilidade|equipa tecnica|equipe tecnica|' +
    'amministrazione|ufficio amministrativo|contabilita|team tecnico|boekhouding|administratie|financiele afdeling',
);
// Strong targets only: "I need someone to check this" is not a request for a person.
const WANT_VERBS = alt(
  "want|need|get me|give me|can i have|can i get|could i have|could i get|i'd like|i would like|request|requesting|bring me|" +
    'quiero|necesito|dame|deme|quisiera|queria|necesitaria|' +
    "veux|voudrais|besoin|j'aimerais|" +
    'will|mochte|brauche|hatte gern|hatte gerne|' +
    'quero|preciso|preciso de|precisava de|queria|gostaria de|' +
    'voglio|vorrei|ho bisogno di|mi serve|preferisco|preferirei|' +
    'wil|ik wil|wil graag|ik wil graag|graag',
);
const STRONG_TARGETS = key(
  'human|human being|person|real person|agent|live agent|representative|rep|operator|manager|supervisor|' +
    'humano|persona|agente|asesor|operador|representante|conseiller|humain|operateur|' +
    'mitarbeiter|menschen|mensch|berater|kundenberater|ansprechpartner|atendente|pessoa|' +
    // Help named by its kind: "quiero atención humana", "atendimento humano por favor" (asked for, not asked about).
    'atencion humana|atencion personalizada|atendimento humano|assistance humaine|aide humaine|menschliche hilfe|assistenza umana|' +
    'technician|engineer|tecnico|technicien|techniker|technicus|developer|entwickler|desarrollador|developpeur|desenvolvedor|sviluppatore|ontwikkelaar|' +
    'operatore|operatrice|addetto|addetta|consulente|medewerker|medewerkster|mens|persoon',
);
const GERMAN_VERBS = alt('sprechen|reden|chatten|verbunden|verbinden|telefonieren|schreiben');
const THERE = alt("is there|are there|hay|il y a|y a t il|y a-t-il|ist da|gibt es|gibts|gibt's|tem|ha");
const THERE_TARGETS = key(
  "human|humans|person|people|agent|agents|someone|anyone|anybody|somebody|representative|operator|alguien|quelqu'un|jemand|alguem|" +
    'leute|mensch|menschen|mitarbeiter|persona|humano|agente|personne|humain|conseiller|pessoa|atendente|persoon|mens|medewerker',
);
const CALL_ME = alt(
  'call me|ring me|phone me|contact me|email me|llamarme|me llame|me rappeler|rappelez moi|mich anrufen|rufen sie mich|me ligar|me ligue|' +
    'chiamarmi|richiamarmi|mi chiami|mi richiami|mi chiamate|mi richiamate|mij bellen|me bellen|mij terugbellen|me terugbellen|bel me|bel mij',
);
const DUTCH_VERBS = alt('spreken|praten|chatten|bellen');
// A callback asked for by itself: "Bitte um Rückruf", "¿me pueden llamar?", "podem me ligar?", "pouvez-vous me rappeler ?".
const CALLBACKS =
  '(?:can|could|would) you (?:please )?(?:call|ring|phone) me|' +
  'ruckruf|zuruckrufen|ruckrufen|(?:rufen sie|ruf|ruft) mich (?:(?:bitte|doch|mal|gerne|heute|morgen) )*(?:an|zuruck)|' +
  // "dass mich eine Verkäuferin aus der Filiale anruft", "kann mich jemand anrufen"
  '(?:mich|uns) (?:[\\p{L}-]+ ){0,8}(?:anruft|anrufen|zuruckruft|zuruckrufen)|' +
  '(?:me )?(?:pueden|puede|podrian|podria|podeis|podes) llamar(?:me)?|llamenme|llameme|que me llamen|' +
  '(?:pouvez|pourriez)[\\s-]+vous me rappeler|vous pouvez me rappeler|me faire rappeler|etre rappelee?|' +
  '(?:podem|pode|poderiam|poderia) me ligar|(?:podem|pode) ligar (?:pra|para) mim|me liguem|me retornem|' +
  // The callback named as a thing asked for: "mag ik een terugbelverzoek doen?"
  'terugbelverzoek';

keyWords.add('escalate');
keyWords.add('live');
const CALLBACK_WORDS =
  'anruft anrufen zuruckruft meekijken lijn telefoon ring phone ruckruf zuruckrufen ruckrufen rufen ruf ruft llamar llamarme llamenme llameme llamen rappeler rappele rappelee ligar liguem retornem';
for (const word of CALLBACK_WORDS.split(' ')) keyWords.add(word);
keyWords.add('call');
for (const word of [
  'chiamarmi',
  'richiamarmi',
  'chiami',
  'richiami',
  'chiamate',
  'richiamate',
  'bellen',
  'terugbellen',
  'bel',
  'terugbelverzoek',
])
  keyWords.add(word);
for (const word of ['verbinden', 'verbunden', 'kijken']) keyWords.add(word);

const opt = (group: string): string => `(?:(?:${group})\\s+)?`;

const REACH = alt(
  'reach|call|talk to|speak to|speak with|contact|joindre|appeler|parler a|parler avec|hablar con|llamar a|contactar con|' +
    'falar com|ligar para|contactar|parlare con|chiamare|contattare|bereiken|bellen met|spreken met|erreichen|sprechen mit',
);
const REACHED = alt(
  "someone|somebody|a person|a human|an agent|quelqu'un|une personne|un conseiller|alguien|una persona|un agente|alguem|uma pessoa|um atendente|" +
    'qualcuno|un operatore|iemand|een medewerker|een mens|jemanden|einen menschen|einen mitarbeiter',
);
for (const word of [
  'line',
  'phone',
  'telefono',
  'telephone',
  'fil',
  'strippe',
  'apparat',
  'linha',
  'linea',
  'number',
  'numero',
  'nummer',
  'telefoonnummer',
  'telefonnummer',
])
  keyWords.add(word);

/** A team, named by what it does ("the service that manages accounts", "jullie tech support"). */
const TEAMS = alt(
  'team|teams|department|colleagues|colleague|support|tech support|technical support|' +
    'departamento|equipo|seccion|companeros|soporte|soporte tecnico|servicio tecnico|' +
    'service|equipe|collegues|departement|pole|support technique|service technique|' +
    'kollegen|kollegin|abteilung|team|stelle|zustandigen|mitarbeiter|technik|' +
    'setor|departamento|equipe|equipa|suporte|suporte tecnico|' +
    'ufficio|reparto|collega|colleghi|servizio|assistenza|assistenza tecnica|' +
    'afdeling|collega|collegas|dienst|technische dienst|support|helpdesk|klantenservice|medewerker',
);
for (const word of [
  'forward',
  'transfer',
  'weiterleiten',
  'weitergeben',
  'weiterreichen',
  'durchstellen',
  'passe',
  'passer',
  'passiez',
  'transferer',
  'rediriger',
  'redirigez',
  'pasarme',
  'pasame',
  'paseme',
  'pasenme',
  'pases',
  'pase',
  'pasen',
  'pasas',
  'pasais',
  'passate',
  'passatemi',
  'passarmi',
  'passi',
  'derivarme',
  'derivame',
  'redirigirme',
  'encaminhar',
  'encaminha',
  'passar',
  'passa',
  'giratemi',
  'girarmi',
  'trasferirmi',
  'inoltrare',
  'inoltrate',
  'doorzetten',
  'doorsturen',
  'doorverwijzen',
  'door',
  'blood',
  'hueso',
  'os',
  'blut',
  'osso',
  'ossa',
  'bloed',
])
  keyWords.add(word);

/** The team named is the visitor's own ("the finance team at my company", "al equipo de ventas de mi empresa"). */
const NOT_THEIRS =
  '(?!(?:\\s+[\\p{L}-]+){0,3}?\\s+(?:workspace|at my|in my|of my|at our|in our|de mi|de ma|de mon|da minha|do meu|della mia|del mio|van mijn|van ons|in meiner|meiner|bei mir)(?![\\p{L}]))';
/** Words asking for someone on the phone ("posso avere qualcuno al telefono?"), not telling of one seen there. */
const ASKS_FOR =
  "can|could|get|have|is there|hay|puedo|pueden|podria|quiero|quisiera|peut|pouvez|puis|voudrais|y a|kann|konnte|konnen|gibt es|ist|bitte|pode|podem|tem|queria|quero|posso|potete|potrei|vorrei|c'e|kan|kunnen|mag|is er";

/** Regex sources for a request for a person; negation is judged separately on each match. */
// An elided article glued to its noun: "con l'operatore", "à l'opérateur", "dall'addetto".
const ELIDED = "(?:(?:l|d|un|dell|all|dall|nell|col)'\\s*)?";

export const humanRequestSources: readonly string[] = [
  `(?:${TALK_VERBS})\\s+${opt(PREPOSITIONS)}${opt(DETERMINERS)}${ELIDED}${opt(ADJECTIVES)}(?:${TARGETS})`,
  `(?:${WANT_VERBS})\\s+${opt(DETERMINERS)}${ELIDED}${opt(ADJECTIVES)}(?:${STRONG_TARGETS})`,
  `mit\\s+${opt(DETERMINERS)}${opt(ADJECTIVES)}(?:${TARGETS})\\s+(?:bitte\\s+)?(?:${GERMAN_VERBS})`,
  // Dutch puts the verb last: "met een medewerker spreken", "kan ik iemand van de klantenservice spreken?"
  `met\\s+(?:(?:de|het|een|jullie)\\s+)?${opt(ADJECTIVES)}(?:${TARGETS})\\s+(?:(?:aub|graag)\\s+)?(?:${DUTCH_VERBS})`,
  `(?:iemand|een medewerker|een mens|een persoon)(?:\\s+van\\s+(?:de|het|jullie)(?:\\s+\\p{L}+){0,2})?\\s+(?:${DUTCH_VERBS})`,
  // "mag ik iemand aan de lijn?", "kan iemand even meekijken?"
  `(?:iemand|een medewerker|een mens|een persoon)(?:\\s+van\\s+(?:de|het|jullie)(?:\\s+\\p{L}+){0,2})?\\s+aan\\s+de\\s+(?:lijn|telefoon)|(?:kan|mag|wil|kunnen)\\s+(?:er\\s+)?(?:iemand|een\\s+\\p{L}+(?:\\s+of\\s+\\p{L}+(?:\\s+\\p{L}+)?)?)\\s+(?:even\\s+|eens\\s+|ff\\s+)?meekijken`,
  // "Gibt es hier auch einen echten Menschen?", "hay alguna persona?"
  `(?:${THERE})\\s+(?:(?:hier|da|auch|eigentlich|uberhaupt|bei|euch|ihnen|aqui|ahi|ai|ici|here|really|alguna|alguma)\\s+)*${opt(DETERMINERS)}${opt(ADJECTIVES)}(?:${THERE_TARGETS})`,
  `(?:anyone|anybody|someone|somebody)\\s+(?:there|here|available|around|real)`,
  `(?:someone|somebody|a person|an agent|a human|alguien|quelqu'un|jemand|alguem|qualcuno|iemand)\\s+(?:to\\s+|que\\s+|pour\\s+|para\\s+|che\\s+|die\\s+)?(?:${CALL_ME})`,
  `(?:potete|puo|potreste|kunnen jullie|kunt u|kan iemand)\\s+(?:${CALL_ME})`,
  CALLBACKS,
  // Put through to a department by name: "Können Sie mich mit der Buchhaltung verbinden?"
  `(?:sie|ihr)\\s+mich\\s+(?:bitte\\s+)?mit\\s+(?:der|dem|den|einem|einer|ihrer|ihrem|ihren|eurer|eurem|jemandem)(?:\\s+[\\p{L}-]+){1,2}\\s+(?:verbinden|verbunden)|verbinden\\s+sie\\s+mich\\s+(?:bitte\\s+)?mit\\s+(?:der|dem|den|einem|einer|ihrer|ihrem)\\s+[\\p{L}-]+`,
  // Someone to look at it, in Dutch: "kan iemand van jullie team naar mijn koppeling kijken?"
  `(?:iemand|someone)\\s+(?:van\\s+(?:jullie|de|het)(?:\\s+\\p{L}+)?\\s+)?(?:even\\s+|ff\\s+|eens\\s+)?naar\\s+(?:[\\p{L}-]+\\s+){0,5}kijken`,
  // Someone, then a few words, then the call: "quelqu'un de chez vous peut me rappeler demain ?"
  `(?:someone|somebody|anyone|anybody|alguien|quelqu'un|qqn|jemand|alguem|qualcuno|iemand)\\s+(?:[\\p{L}'-]+\\s+){1,5}(?:${CALL_ME})`,
  // A real person asked to do something: "can a real live person just find it?", "kann das nicht ein echter Mensch raussuchen?"
  // (not "am I talking to a real person?", which asks what the bot is).
  `(?:can|could|would|will|can't|cant)\\s+(?:a|an)\\s+(?:real(?:\\s+live)?|actual|live)\\s+(?:person|human|human being)`,
  `(?:kann|konnte|soll|sollte|darf|muss)\\s+(?:[\\p{L}]+\\s+){0,3}(?:ein|eine)\\s+(?:echter|echte|richtiger|richtige)\\s+(?:mensch|person|mitarbeiter|mitarbeiterin)`,
  `(?:with|to)\\s+whoever\\s+(?:does|handles|deals\\s+with|is\\s+in\\s+charge|runs|manages|takes\\s+care)`,
  `call me back|escalate (?:this|it|my (?:case|issue|ticket|complaint|request))|escalate to (?:a |an |the )?(?:human|person|manager|supervisor|agent)`,
  // Passed on to a team by what it does, not by name: "bitte an die Kollegen weiterleiten, die sich um Kundenkonten
  // kümmern", "je voudrais qu'on me passe le service qui gère les comptes", "kun je me doorzetten naar jullie tech support?".
  `(?:forward|transfer|pass|put)\\s+(?:me|this|it|my (?:case|request|message))\\s+(?:on\\s+|through\\s+|over\\s+)?to\\s+(?:the|your)\\s+(?:[\\p{L}-]+\\s+)?(?:${TEAMS})${NOT_THEIRS}`,
  `(?<!(?:ich|wir)\\s+(?:[\\p{L}]+\\s+){1,3})(?:an|zu)\\s+(?:die|den|der|das|eure|ihre|einen|eine)\\s+(?:[\\p{L}-]+\\s+)?(?:${TEAMS})\\s+(?:bitte\\s+)?(?:weiterleiten|weitergeben|weiterreichen|durchstellen)|(?:weiterleiten|durchstellen|weitergeben)\\s+(?:an|zu)\\s+(?:die|den|der|das|eure|ihre)\\s+(?:[\\p{L}-]+\\s+)?(?:${TEAMS})`,
  `(?:me passe|me passer|me passiez|passez[\\s-]moi|me transferer|transferez[\\s-]moi|me rediriger vers|redirigez[\\s-]moi vers|me mettre en relation avec|mettez[\\s-]moi en relation avec)\\s+(?:le|la|l'|un|une|votre)\\s*(?:${TEAMS})(?!\\s+(?:a|de table|de vaisselle|en porcelaine|a the|a cafe)(?![\\p{L}]))${NOT_THEIRS}`,
  `(?:pasarme|pasame|paseme|pasenme|me pases|me pase|me pasen|me pasas|me pasais|transferirme|transfierame|derivarme|derivame|redirigirme|comunicarme)\\s+(?:con|al|a|a la)\\s+(?:el\\s+|la\\s+|su\\s+|vuestro\\s+|vuestra\\s+)?(?:${TEAMS})${NOT_THEIRS}`,
  `(?:me passar|me passa|me transferir|me transfere|me encaminhar|me encaminha)\\s+(?:para|pro|pra|ao|a)\\s+(?:o\\s+|a\\s+)?(?:${TEAMS})`,
  `(?:passarmi|passatemi|mi passi|mi passate|trasferirmi|giratemi|girarmi|inoltrare|inoltrate|mettermi in contatto con)\\s+(?:a|al|alla|all'|con|con l'|con il|con la|ai|agli)\\s*(?:${TEAMS})`,
  `(?:(?:me|mij)\\s+(?:doorzetten|doorsturen|doorverbinden|doorverwijzen)|zet me door|stuur me door|verbind me door)\\s+(?:naar|met|aan)\\s+(?:de|het|jullie|een|uw)\\s+(?:[\\p{L}-]+\\s+)?(?:${TEAMS})`,
  // Someone on the line: "is there a way to get one of your team on the line?", "kann jemand ans Telefon?"
  `(?:get|have|put|is there)\\s+(?:someone|somebody|anyone|a person|a human|one of (?:your|you)(?:\\s+(?:team|people|staff|colleagues|agents))?)\\s+on the (?:line|phone)`,
  `(?:${ASKS_FOR})\\s+(?:[\\p{L}']+\\s+){0,3}?(?:(?:alguien|una persona) (?:al telefono|al aparato)|(?:quelqu'un|une personne) (?:au telephone|au bout du fil)|(?:jemanden|jemand|einen menschen) (?:ans telefon|an die strippe|an den apparat)|` +
    `(?:alguem|uma pessoa) (?:na linha|no telefone)|(?:qualcuno|una persona) (?:al telefono|in linea))`,
  // Someone asked to go through it by phone: "kan iemand van support dat telefonisch met me doorlopen?", "could someone go over it with me by phone?"
  `(?:can|could|would|kan|kunnen|kann|konnte|puede|podria|pueden|peut|pourrait|pode|poderia|puo|potrebbe|potete)\\s+(?:(?:er|mir|mich|me|there|you|jullie)\\s+)?(?:someone|somebody|anyone|iemand|jemand|alguien|quelqu'un|alguem|qualcuno)(?!\\s+(?:else|anders|anderes|de mi|da minha|della mia|de ma|van mijn|aus meiner)(?![\\p{L}]))\\s+(?:[\\p{L}']+\\s+){0,6}?(?:telefonisch|by phone|over the phone|on the phone|per telefon|am telefon|por telefono|au telephone|par telephone|por telefone|pelo telefone|al telefono|per telefono)`,
  // A number to reach someone on: "a number where I can reach someone tonight?", "une nummer, unter der ich jemanden erreiche".
  `(?:number|numero|nummer|telefoonnummer|telefonnummer)\\s+(?:[\\p{L}']+\\s+){0,6}?(?:${REACH})\\s+(?:[\\p{L}]+\\s+){0,2}?(?:${REACHED})(?!\\s+(?:else|at home|abroad|anders|anderes|a casa|chez moi|zu hause|thuis|em casa|en casa|en el extranjero|a l'etranger|im ausland|in het buitenland|all'estero|no exterior)(?![\\p{L}]))`,
  `unter der (?:ich|man) (?:[\\p{L}]+\\s+){0,4}?(?:jemanden|jemand|einen menschen|einen mitarbeiter) (?:erreiche|erreicht|erreichen|sprechen|spreche)`,
  // Someone "of flesh and blood", asked about in any form: "Is er vandaag ook iemand van vlees en bloed aanwezig?"
  // Only "someone" of flesh and blood: characters, actors and dolls "wie Menschen aus Fleisch und Blut" are no ask.
  `(?:someone|somebody|anyone|anybody|alguien|quelqu'un|jemand|jemanden|alguem|qualcuno|iemand)\\s+(?:of|de|en|aus|in|van)\\s+(?:flesh and blood|carne y hueso|chair et (?:en\\s+)?os|fleisch und blut|carne e osso|carne e ossa|vlees en bloed)`,
];

const STANDALONE_TARGETS = key(
  'agent|human|human being|operator|representative|rep|person|real person|live agent|live person|live chat|live support|' +
    'customer service|customer support|manager|supervisor|support agent|' +
    'humano|agente|asesor|operador|persona|conseiller|humain|operateur|service client|' +
    'mitarbeiter|mensch|menschen|berater|kundenberater|kundendienst|kundenservice|atendente|pessoa|atencion al cliente|servicio al cliente|' +
    'atencion humana|atendimento humano|assistance humaine|aide humaine|menschliche hilfe|assistenza umana|' +
    'operatore|operatrice|addetto|servizio clienti|medewerker|medewerkster|mens|klantenservice',
);
const FILLERS = alt(
  'please|pls|plz|now|right now|asap|thanks|thank you|hi|hello|hey|ok|okay|yes|yeah|just|i want|i need|need|want|give me|get me|a|an|' +
    "por favor|porfa|ya|un|una|quiero|s'il vous plait|s'il te plait|svp|stp|je veux|bitte|jetzt|sofort|einen|ein|eine|agora|um|uma|quero|" +
    'per favore|grazie|subito|ora|voglio|uno|aub|alstublieft|graag|nu|een|ik wil',
);

/** A message or clause that is nothing but the ask: "agent", "human please", "Mitarbeiter bitte". */
export const standaloneRequest = new RegExp(
  `^(?:(?:${FILLERS})\\s+)*${opt(ADJECTIVES)}(?:${STANDALONE_TARGETS})(?:\\s+(?:${FILLERS}))*$`,
  'u',
);

/** Words one of which every request contains; a message without any skips the grammar. */
export const humanRequestKeyWords: ReadonlySet<string> = keyWords;

const BOT_WORDS = key(
  'bot|bots|chatbot|chat bot|robot|robots|machine|machines|ai|automated assistant|virtual assistant|' +
    'maquina|robo|robos|roboter|maschine|ki',
);

/** Mentions of talking to a bot; negated ("I don't want to talk to a bot") they ask for a person. */
export const botRequestSources: readonly string[] = [
  `(?:${TALK_VERBS})\\s+${opt(PREPOSITIONS)}${opt(DETERMINERS)}(?:this\\s+|that\\s+)?(?:${BOT_WORDS})`,
  `(?:${WANT_VERBS})\\s+${opt(DETERMINERS)}(?:${BOT_WORDS})`,
  `mit\\s+${opt(DETERMINERS)}(?:${BOT_WORDS})\\s+(?:${GERMAN_VERBS})`,
];

/** A clause that only turns the bot away: "no bots please", "nada de robots", "keine Bots bitte". */
export const botRefusal = new RegExp(
  `^(?:(?:${FILLERS})\\s+)*(?:no|no more|enough|no mas|nada de|pas de|plus de|kein|keine|keinen|sem|chega de)\\s+${opt(DETERMINERS)}(?:${BOT_WORDS})(?:\\s+(?:${FILLERS}))*$`,
  'u',
);

/** A short yes, which accepts the bot's offer of a person when it follows one. */
export const affirmativeReply =
  /^(?:(?:yes|yeah|yep|yup|sure|ok|okay|please|please do|do it|go ahead|si|claro|vale|oui|d'accord|ja|gerne|bitte|sim|pode ser)\s*)+(?:please|thanks|thank you|por favor|s'il vous plait|svp|bitte|danke|obrigad[oa])?$/u;
