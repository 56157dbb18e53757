import { describe, expect, it } from 'vitest';
import { decideHandoff, replayConversation } from '.';
import { bot, conversation, defaults, saying, siteWith, visitor } from './test-conversations';

describe('policy topics', () => {
  it.each([
    ['refund with an order number', 'I want a refund for order 48213', 'refund', 'billing', 'your refund'],
    ['a double charge', 'I was charged twice for my subscription this month', 'billing_dispute', 'billing', 'the charge on your account'],
    ['an unrecognised charge', "There's an unauthorised charge on my card", 'billing_dispute', 'billing', 'the charge on your account'],
    ['a complaint', 'I want to file a formal complaint', 'complaint', 'general', 'your complaint'],
    ['a lawyer', "I'm going to contact my lawyer about this", 'legal', 'general', 'your legal concern'],
    ['a lawsuit threat', 'I will sue you for this', 'legal', 'general', 'your legal concern'],
    ['a health problem', 'I had an allergic reaction to the cream', 'medical', 'general', 'your health concern'],
    ['a lockout', "I'm locked out of my account and the reset email never arrives", 'account_access', 'account', 'access to your account'],
    ['a login failure without apostrophe', 'i cant log in since yesterday', 'account_access', 'account', 'access to your account'],
    ['a hacked account', 'I think my account was hacked', 'account_access', 'account', 'access to your account'],
    ['data deletion', 'Please delete my account and all my data', 'data_deletion', 'account', 'deleting your data'],
    ['GDPR', 'I am making a GDPR request', 'data_deletion', 'account', 'deleting your data'],
    ['Spanish complaint', 'Quiero poner una queja', 'complaint', 'general', 'your complaint'],
    ['French refund', 'Je veux un remboursement, commande 4455', 'refund', 'billing', 'your refund'],
    [
      'a photo used, nobody ever asked (a negative phrase stressed, not negated)',
      'La foto nella vostra home è mia e nessuno mi ha mai chiesto il permesso di usarla',
      'legal',
      'general',
      'your legal concern',
    ],
    [
      'a photo used, in French',
      "c'est mon appartement et personne ne m'a jamais demandé mon accord pour l'utiliser",
      'legal',
      'general',
      'your legal concern',
    ],
    [
      'a profile changed by someone else',
      'the email on my profile isnt mine anymore, I never changed it',
      'account_access',
      'account',
      'access to your account',
    ],
    [
      'a European Portuguese double charge',
      'Cobraram-me duas vezes a fatura de março',
      'billing_dispute',
      'billing',
      'the charge on your account',
    ],
    [
      'a login disowned',
      "da steht 'Neue Anmeldung aus São Paulo' von heute Nacht?? ich war das nicht",
      'account_access',
      'account',
      'access to your account',
    ],
    [
      'a pet unwell since the food',
      'desde que se lo cambié mi perra tiene diarrea y casi no come',
      'medical',
      'general',
      'your health concern',
    ],
    [
      'music used without consent',
      'o vídeo de vocês usa uma música minha, que eu nunca licenciei',
      'legal',
      'general',
      'your legal concern',
    ],
    [
      'a double charge written 2x',
      'you took 2x £23.40 from my card for ONE dinner',
      'billing_dispute',
      'billing',
      'the charge on your account',
    ],
    [
      'a photo used without a licence, in Spanish',
      'La foto del catálogo la hice yo y nunca os di permiso para usarla',
      'legal',
      'general',
      'your legal concern',
    ],
    ['a logo used without a licence, in Dutch', 'Daar heb ik nooit een licentie voor gegeven', 'legal', 'general', 'your legal concern'],
    [
      'a rash on a child, in Spanish',
      'mi hijo tiene manchas rojas desde que usamos el bálsamo',
      'medical',
      'general',
      'your health concern',
    ],
    [
      'a stranger in the account, in French',
      "qqn s'est connecté à mon compte cette nuit !!",
      'account_access',
      'account',
      'access to your account',
    ],
    ['a complaint about staff, in French', "je tiens à me plaindre de l'accueil à l'agence", 'complaint', 'general', 'your complaint'],
    ['German lockout', 'Ich kann mich nicht anmelden', 'account_access', 'account', 'access to your account'],
    ['Portuguese deletion', 'Quero excluir minha conta', 'data_deletion', 'account', 'deleting your data'],
    ['German refund, verb', 'ich will mein Geld zurückerstattet haben, Bestellung 58812', 'refund', 'billing', 'your refund'],
    ['Spanish refund without the word', 'quiero que me devuelvan el dinero, pedido 44512', 'refund', 'billing', 'your refund'],
    ['Portuguese refund without the word', 'quero que devolvam o dinheiro, pedido 88123', 'refund', 'billing', 'your refund'],
    ['French refund, past participle', 'je veux être remboursé, commande 55120', 'refund', 'billing', 'your refund'],
    ['German overcharge', 'Sie haben mir zu viel berechnet, 49 statt 29 Euro', 'billing_dispute', 'billing', 'the charge on your account'],
    ['Spanish double charge', 'me han cobrado dos veces la suscripción', 'billing_dispute', 'billing', 'the charge on your account'],
    ['Portuguese double charge', 'me cobraram duas vezes no cartão', 'billing_dispute', 'billing', 'the charge on your account'],
    ['French double invoice', "vous m'avez facturé deux fois", 'billing_dispute', 'billing', 'the charge on your account'],
    ['German complaint verb', 'ich möchte das Teil reklamieren, der Reißverschluss ist kaputt', 'complaint', 'general', 'your complaint'],
    ['French complaint', 'je voudrais faire une réclamation', 'complaint', 'general', 'your complaint'],
    ['a consumer body, German', 'ich werde mich an die Verbraucherzentrale wenden', 'legal', 'general', 'your legal concern'],
    ['a consumer body, Portuguese', 'se não resolverem vou acionar o Procon', 'legal', 'general', 'your legal concern'],
    ['a formal notice, French', 'je vous envoie une mise en demeure', 'legal', 'general', 'your legal concern'],
    ['a rash, German', 'mein Sohn hat nach der Creme einen Ausschlag bekommen', 'medical', 'general', 'your health concern'],
    ['a rash, Spanish', 'me salieron ronchas después de usar la crema', 'medical', 'general', 'your health concern'],
    ['red patches, Portuguese', 'minha filha ficou com manchas vermelhas depois do shampoo', 'medical', 'general', 'your health concern'],
    ['a hacked account, Spanish', 'me hackearon la cuenta y cambiaron el correo', 'account_access', 'account', 'access to your account'],
    ['an invaded account, Portuguese', 'invadiram minha conta e trocaram o email', 'account_access', 'account', 'access to your account'],
    ['a pirated account, French', 'mon compte a été piraté', 'account_access', 'account', 'access to your account'],
    ['a German lockout, colloquial', 'ich komme nicht mehr in mein Konto', 'account_access', 'account', 'access to your account'],
    ['German GDPR', 'Bitte löschen Sie alle meine Daten gemäß DSGVO', 'data_deletion', 'account', 'deleting your data'],
    [
      'an Italian account takeover',
      "qualcuno è entrato nel mio account stanotte e ha cambiato l'IBAN",
      'account_access',
      'account',
      'access to your account',
    ],
    [
      'blisters after a spray',
      'meine Tochter hat nach eurem Zeckenspray lauter kleine Bläschen bekommen',
      'medical',
      'general',
      'your health concern',
    ],
    [
      'an Italian lawyer after an elided article',
      "se non arriva entro venerdì mi rivolgo all'avvocato",
      'legal',
      'general',
      'your legal concern',
    ],
    ['a French lawyer after an elided article', "je vais transmettre le dossier à l'avocat", 'legal', 'general', 'your legal concern'],
    ['a refund that has not arrived, Spanish', 'no me ha llegado el reembolso del pedido 5521', 'refund', 'billing', 'your refund'],
    ['a quoted word in a statement', "I want a 'refund', order 5521", 'refund', 'billing', 'your refund'],
    ['swelling after a cream', 'da ieri sera ha le guance gonfie dopo la crema', 'medical', 'general', 'your health concern'],
    ['Brazilian data law', 'quero excluir meus dados conforme a LGPD', 'data_deletion', 'account', 'deleting your data'],
    [
      'money back in another word order, Italian',
      'sinceramente vorrei indietro i soldi, non un cambio. ordine 5521',
      'refund',
      'billing',
      'your refund',
    ],
    [
      'what was paid given back, Spanish',
      'no quiero otro, quiero que me devuelvan lo que pagué, pedido 5521',
      'refund',
      'billing',
      'your refund',
    ],
    [
      'a charge disputed with the bank, Italian',
      'Ho già chiesto alla mia banca di stornare gli 89 euro',
      'billing_dispute',
      'billing',
      'the charge on your account',
    ],
    [
      'a charge disputed with the bank, English',
      'I have asked my bank to reverse the payment',
      'billing_dispute',
      'billing',
      'the charge on your account',
    ],
    [
      'charged on two days, ordered once, German',
      'Ihr habt am 3. und am 4. März jeweils 49,90 eingezogen. Bestellt hab ich aber genau einmal.',
      'billing_dispute',
      'billing',
      'the charge on your account',
    ],
    [
      'a direct debit sent back, German',
      'ich habe die Lastschrift zurückgehen lassen',
      'billing_dispute',
      'billing',
      'the charge on your account',
    ],
    [
      'staff who were rude, Portuguese',
      'a vendedora me tratou muito mal ontem na frente da minha filha',
      'complaint',
      'general',
      'your complaint',
    ],
    ['staff who were rude, German', 'der Fahrer hat mich sehr schlecht behandelt', 'complaint', 'general', 'your complaint'],
    ['text copied, French', 'Le texte de votre gîte est copié mot pour mot de mon site.', 'legal', 'general', 'your legal concern'],
    [
      'a photo licensed to nobody, German',
      'Das Bild ist von mir, und lizenziert hab ich das niemandem.',
      'legal',
      'general',
      'your legal concern',
    ],
    [
      'copied from a blog, Dutch',
      'jullie productomschrijving is letterlijk gekopieerd van mijn website',
      'legal',
      'general',
      'your legal concern',
    ],
    [
      'a child with red spots, Dutch',
      'Mijn dochtertje heeft sinds gisteren rode vlekjes rond haar mond',
      'medical',
      'general',
      'your health concern',
    ],
    [
      'an itching scalp with scabs, Spanish',
      'desde entonces me pica muchísimo el cuero cabelludo y me han salido costras',
      'medical',
      'general',
      'your health concern',
    ],
    ['a rash, English', 'my son got a rash on his arms after wearing the pyjamas', 'medical', 'general', 'your health concern'],
    ['itching, Italian', 'dopo il siero ho un prurito fortissimo sulle guance', 'medical', 'general', 'your health concern'],
    [
      'everything removed, German',
      'Kundenkonto, Adresse, Zahlungsdaten – bitte alles restlos entfernen.',
      'data_deletion',
      'account',
      'deleting your data',
    ],
    [
      'everything about me deleted, English',
      'please delete everything about me from your systems',
      'data_deletion',
      'account',
      'deleting your data',
    ],
    [
      'a phone number disowned, German',
      'die handynummer im profil ist auch nicht meine',
      'account_access',
      'account',
      'access to your account',
    ],
    [
      'an email disowned, French',
      "l'adresse mail sur mon profil n'est pas la mienne",
      'account_access',
      'account',
      'access to your account',
    ],
    ['red dots on the cheeks, Italian', 'ho le guance piene di puntini rossi che pizzicano', 'medical', 'general', 'your health concern'],
    [
      'lips swollen, Portuguese',
      'meu marido usou ontem e acordou com os lábios inchados e ardendo',
      'medical',
      'general',
      'your health concern',
    ],
    [
      'dizzy since the syrup, Spanish',
      'desde que lo toma está muy mareado y se ha caído esta mañana',
      'medical',
      'general',
      'your health concern',
    ],
    ['an order never placed, English', 'the account shows an order i never placed', 'account_access', 'account', 'access to your account'],
    [
      'an order never placed, German',
      'da ist eine Bestellung, die ich nicht aufgegeben habe',
      'account_access',
      'account',
      'access to your account',
    ],
    [
      'red eyes since new lenses, German',
      'seit ich die neuen Linsen trage sind meine Augen rot und brennen',
      'medical',
      'general',
      'your health concern',
    ],
    [
      'everything held on a relative removed, Portuguese',
      'Gostava que retirassem tudo o que têm dela dos vossos sistemas, a ficha de cliente, os contactos, tudo.',
      'data_deletion',
      'account',
      'deleting your data',
    ],
    [
      'everything held on the visitor, English',
      "I'd like everything you hold on me gone. account, order history, the lot.",
      'data_deletion',
      'account',
      'deleting your data',
    ],
    ['a courier who laughed, Italian', 'il corriere mi ha riso in faccia e se ne è andato', 'complaint', 'general', 'your complaint'],
  ])('escalates for %s, regardless of confidence', (_, text, intent, queue, topic) => {
    const decision = decideHandoff(conversation([visitor(text), bot('Happy to help with that!', { confidence: 0.99 })]), defaults);
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'policy_topic', intent, queue, topic });
  });

  it.each([
    ['a question about the policy', 'What is your refund policy?'],
    ['a question whether refunds exist', 'Do you offer refunds?'],
    ['a hypothetical', 'Can I get a refund if I cancel within 30 days?'],
    ['how long refunds take', 'How long does a refund take to show up?'],
    ['a charger is not a charge', 'my phone charger stopped charging'],
    ['a how-to about 2FA', 'How do I enable 2FA?'],
    ['a person named Sue', 'Sue from your team helped me yesterday, thanks'],
    ['a negated complaint', 'this is not a complaint, just feedback: love the app'],
    ['a denied charge', "I wasn't charged twice, all good"],
    ['a dentist is not medical', 'Can you recommend a good dentist near me?'],
    ['a vague signal', 'this might need review, it seems complex'],
    ['a password how-to', 'How do I change my password?'],
    ['a refund the visitor is not asking for', "I'm not asking for a refund, just where is my parcel"],
    ['a refund not needed', 'no refund needed, the parcel arrived'],
    ['a refund said to be unnecessary', 'the refund is not necessary anymore'],
    ['a complaint the visitor is not making', "I'm not looking to complain, just curious"],
    ['a conversation not about a refund', 'this is not about a refund'],
    ['a Spanish refund not asked for', 'no estoy pidiendo un reembolso, solo dónde está mi pedido'],
    ['a Spanish refund not needed', 'no hace falta un reembolso'],
    ['a French refund not asked for', 'je ne demande pas de remboursement'],
    ['a French refund not necessary', 'le remboursement n’est pas nécessaire'],
    ['a German refund not asked for', 'Ich frage nicht nach einer Rückerstattung'],
    ['a German refund not necessary', 'Rückerstattung nicht nötig'],
    ['a Portuguese refund not asked for', 'não estou pedindo reembolso'],
    ['a Portuguese refund not necessary', 'reembolso não é necessário'],
    ['a German refund question', 'Wie lange dauert eine Rückerstattung normalerweise?'],
    ['a German password how-to', 'Wie kann ich mein Passwort ändern?'],
    ['a Spanish return window', '¿cuál es el plazo para devolver un producto?'],
    ['a Portuguese return window', 'qual o prazo para devolução?'],
    ['a French refund delay', 'quel est le délai de remboursement ?'],
    ['nobody hacked me, Spanish', 'nadie me ha hackeado, solo quiero cerrar sesión en todos los dispositivos'],
    ['nobody charged me twice, Italian', 'nessuno mi ha addebitato due volte, era una preautorizzazione'],
    ['a book title in quotes', "vendete il romanzo 'L'avvocato di strada'?"],
    ['a category name in quotes', "wie lege ich in eurem Ticketsystem eine Kategorie 'Beschwerde' an?"],
    ['a charge not recognised that was then recognised', 'ah no, ya reconozco el cargo, era mi hijo'],
    ['a first order, Dutch', 'ik heb nog niet besteld, wat zijn de verzendkosten?'],
    ['a record asked about', 'what do you have on record as my address?'],
    ['a dog in a product question', 'is this bed big enough for a dog like mine?'],
    ['a new card from the bank', 'I asked my bank to send me a new card, how do I update it here?'],
    ['a question about itching wool', 'is the merino jumper itchy or soft?'],
    ['a rude word negated', 'the driver was not rude to me at all, just late'],
    ['staff praised, Italian', 'la commessa non mi ha trattato male, anzi, gentilissima'],
    ['copying one’s own text, English', 'how do I copy the text from my site into the product description?'],
    ['a profile that is the visitor’s', 'the email on my profile is mine, I just want to change it'],
    ['removing items from the cart, German', 'wie kann ich alle Artikel aus dem Warenkorb entfernen?'],
    ['curiosity, Spanish', 'me pica la curiosidad, ¿cuándo sale el modelo nuevo?'],
    ['eyes burning as a figure of speech, Dutch', 'heeft de app een dark mode? ik ben maar een mens, mijn ogen branden lol'],
  ])('does not escalate for %s', (_, text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it('still escalates when a refund has not arrived ("no refund yet")', () => {
    expect(decideHandoff(saying('no refund yet for order 5521'), defaults).primaryTrigger).toBe('policy_topic');
  });

  it.each([
    ['a refund rather than something else', 'I want a refund, not store credit, order 5521'],
    ['a refund rather than something else, no comma', 'I want a refund not store credit for order 5521'],
    ['"no" as an interjection', 'no I want a refund for order 5521'],
    ['a refund that did not arrive', "I didn't get my refund for order 5521"],
    ['a refund said to be needed', 'refund needed for order 5521'],
  ])('still escalates for %s', (_, text) => {
    expect(decideHandoff(saying(text), defaults)).toMatchObject({ escalate: true, primaryTrigger: 'policy_topic', intent: 'refund' });
  });

  it('takes the urgency of the topic: complaints and legal matters are flagged urgent', () => {
    expect(decideHandoff(saying('I will contact my lawyer'), defaults).urgency).toBe('urgent');
    expect(decideHandoff(saying('I want to complain about the delivery'), defaults).urgency).toBe('urgent');
    expect(decideHandoff(saying('I was charged twice'), defaults).urgency).toBe('high');
  });

  it('keeps the topic that came first for routing and raises urgency for a later one', () => {
    const turns = [visitor('I was charged twice'), bot('Let me check.'), visitor('and honestly I will call my lawyer')];
    expect(decideHandoff(conversation(turns), defaults)).toMatchObject({ queue: 'billing', intent: 'billing_dispute', urgency: 'urgent' });
  });

  it('accepts a site topic with its own queue', () => {
    const site = siteWith({
      queues: [
        { id: 'general', name: 'General' },
        { id: 'warranty', name: 'Warranty' },
      ],
      handoverRules: [],
      triggers: { policy_topic: { topics: [{ id: 'warranty', label: 'your warranty', keywords: ['warranty claim'], queue: 'warranty' }] } },
    });
    expect(decideHandoff(saying('I have a warranty claim'), site)).toMatchObject({
      escalate: true,
      queue: 'warranty',
      routingRule: 'topic:warranty',
    });
    expect(decideHandoff(saying('I want a refund for order 1234'), site).escalate).toBe(false);
  });
});

describe('required facts: confirmed versus unconfirmed', () => {
  it('asks for the order number before escalating a refund, then escalates once it is in', () => {
    const turns = [visitor('I want a refund, the item arrived broken'), bot('Sorry! What is your order number?'), visitor("it's 48213")];
    const result = replayConversation(conversation(turns), defaults);
    expect(result.atTurn).toBe(2);
    expect(result.decision).toMatchObject({
      escalate: true,
      primaryTrigger: 'policy_topic',
      missingFacts: [],
      facts: { orderNumber: '48213' },
    });
  });

  it('tells the bot which facts to ask for while it waits', () => {
    const decision = decideHandoff(saying('I want a refund please'), defaults);
    expect(decision).toMatchObject({
      escalate: false,
      askForFacts: ['orderNumber'],
      missingFacts: ['orderNumber'],
      topic: 'your refund',
      intent: 'refund',
    });
    expect(decision.triggers.map((t) => t.trigger)).toEqual(['policy_topic']);
  });

  it('needs the order number for a return, and routes it to billing (guide, section 8)', () => {
    const turns = [visitor('I want to return my boots'), bot('Could you give me your order number?')];
    expect(decideHandoff(conversation(turns), defaults)).toMatchObject({ escalate: false, askForFacts: ['orderNumber'] });
    const answered = [...turns, visitor('it is 5512')];
    expect(decideHandoff(conversation(answered), defaults)).toMatchObject({ escalate: true, queue: 'billing', missingFacts: [] });
  });

  it('counts facts already known from the verified identity', () => {
    const input = { ...conversation([visitor('I want to return my order 5512')]), facts: { email: 'ana@example.com' } };
    expect(decideHandoff(input, defaults)).toMatchObject({ escalate: true, missingFacts: [] });
  });

  it('hands off anyway after two replies without the facts, noting what is missing', () => {
    const turns = [
      visitor('I want a refund'),
      bot('What is your order number?'),
      visitor("I don't have it"),
      bot('It is in your confirmation email.'),
      visitor('I deleted that email'),
    ];
    const result = replayConversation(conversation(turns), defaults);
    expect(result).toMatchObject({ atTurn: 4, decision: { escalate: true, missingFacts: ['orderNumber'], askForFacts: [] } });
  });

  it('escalates at once on an explicit ask, noting the missing facts', () => {
    const result = replayConversation(
      conversation([visitor('I want a refund'), bot('What is your order number?'), visitor('just get me a human')]),
      defaults,
    );
    expect(result).toMatchObject({
      atTurn: 2,
      decision: { primaryTrigger: 'human_request', missingFacts: ['orderNumber'], queue: 'billing' },
    });
  });

  it('lets another strong trigger escalate while facts are missing', () => {
    const decision = decideHandoff(saying('I want a refund, this is URGENT!!'), defaults);
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration', missingFacts: ['orderNumber'], urgency: 'urgent' });
    expect(decision.triggers.map((t) => t.trigger)).toEqual(['frustration', 'policy_topic']);
  });

  it('lets a site require nothing', () => {
    const site = siteWith({ triggers: { requiredFacts: [] } });
    expect(decideHandoff(saying('I want a refund'), site)).toMatchObject({ escalate: true, missingFacts: [] });
  });
});

describe('calm messages near health, data deletion, copyright and complaint words (review of 8f2d404)', () => {
  it.each([
    // health
    "Don't make a rash decision, read the reviews first, is what my mum says. Which one is best?",
    "I'm itching to try the new flavour, when is it out?",
    'Does the lamp have a dizzy effect setting?',
    "I'm dizzy with joy, the order came early!",
    'Do you have the dress with red spots in size M?',
    'I love the quilt with the red patches, is it machine washable?',
    'Me pica el gusanillo de probar el nuevo sabor.',
    '¿Los balones vienen hinchados o desinflados?',
    '¿Vendéis pan con costras crujientes?',
    'Estoy mareado de tantas opciones, ¿cuál me recomiendas?',
    'Vous avez la veste avec les boutons rouges en 38 ?',
    'Les ballons sont livrés gonflés ?',
    'Vous avez le roman Vertiges en poche ?',
    'Die Puppe hat die Augen rot bemalt, so süß!',
    'Mir wird schwindelig auf Achterbahnen, habt ihr Tickets für den Wasserpark?',
    'Habt ihr Shampoo gegen Juckreiz bei Hunden?',
    'Tem o vestido de pintas vermelhas no tamanho 38?',
    'As boias vêm inchadas?',
    'Vocês têm shampoo para coceira de cachorro?',
    'Essa montanha-russa dá uma tontura boa haha, vocês vendem ingressos?',
    'Avete il vestito a puntini rossi nella taglia 42?',
    'I palloncini arrivano già gonfi?',
    'Avete il vinile con la canzone Vertigini?',
    'Hebben jullie de jurk met rode vlekjes print nog?',
    'Is het brood met knapperige korstjes vandaag vers?',
    'Verkopen jullie spray tegen jeuk voor katten?',
    'Ik word duizelig van al die kleuren, welke raden jullie aan?',
    "My friend had a rash from a different brand's cream, is yours hypoallergenic?",
    // data deletion
    'Quiero ver todo lo que tienen de mi talla en rebajas',
    'Eu quero comprar tudo o que tem dela, adoro essa cantora',
    "Pour son anniversaire, je veux tout ce que vous avez sur elle, c'est sa chanteuse préférée",
    'Ik wil alles wat jullie van haar hebben, ze is mijn favoriete schrijfster',
    'Alles was ihr von mir braucht ist die Bestellnummer',
    'Der Aufkleber lässt sich restlos entfernen, super Produkt!',
    'Everything you have on me is correct',
    'Tutto quello che avete di me è corretto',
    // copyright
    'I copied word for word from your manual and the setup worked.',
    'Ich habe den Code von meiner Website kopiert und jetzt läuft das Widget.',
    'Ik heb de instructies letterlijk gekopieerd en het werkt.',
    'Je voudrais faire une copie de mon site avant de changer de thème.',
    'Ho copiato dal mio sito il link e funziona.',
    'O texto copiado do meu site ficou ótimo no widget.',
    // complaint
    'I want this on record: your support last week was brilliant.',
    'Vorrei che resti agli atti che il vostro servizio è eccellente',
    'Quero que fique registrado que vocês são ótimos!',
    'Ich möchte zu Protokoll geben, dass euer Service super ist!',
    'Que quede constancia de que me encanta el producto',
    'Ik wil formeel vastleggen dat ik toestemming geef voor de nieuwsbrief',
    'Je voudrais que mon accord pour la newsletter soit consigné',
    'I want this on record, not CD, do you have the vinyl?',
    'Our band wants to put this on record, do you press vinyl?',
    'Meus gatos comem como cachorros, qual ração vocês recomendam?',
    'I miei figli mangiano come dei cani, avete piatti più grandi?',
    'Mijn dochter lachte mij uit toen ik de trui paste, haha, maar hij is mooi',
    'The receptionist was rude to me in the movie, lol.',
  ])('is no case: %j', (text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});
