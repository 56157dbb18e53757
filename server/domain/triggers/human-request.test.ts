import { describe, expect, it } from 'vitest';
import { decideHandoff, replayConversation } from '.';
import { bot, conversation, defaults, saying, siteWith, visitor } from './test-conversations';

const asksForPerson = (text: string): boolean => decideHandoff(saying(text), defaults).triggers.some((t) => t.trigger === 'human_request');

describe('human request: explicit asks', () => {
  it.each([
    'Can I talk to a real person please?',
    'agent',
    'AGENT!!!',
    'human pls',
    'operator please',
    'Representative.',
    'real person',
    'I need to speak with someone from your team about my invoice',
    'transfer me to customer service',
    'connect me with support',
    "I'd like to speak with a manager",
    'Can I get a live agent?',
    'give me a human',
    'I need human help here',
    'Is there a real person I can talk to?',
    'is anyone there?',
    'Can someone call me back?',
    'please escalate this',
    'Why can’t I talk to a human?',
    'This doesn’t work I need an agent',
    "I don't know, can I talk to a person?",
    'No, I want a human',
    'human being please',
    'can a real live person just find it with my email?',
    "I'd rather sort this out with whoever does your billing directly",
    'est-ce que qqn de chez vous peut me rappeler demain matin ?',
    'gibts bei euch auch menschen oder nur bots? ich brauch jemanden wegen meiner Rechnung',
    'kann das nicht einfach ein echter mensch raussuchen?',
    'quero falar c/ o financeiro de vcs sobre isso',
    'dá pra falar com gente de verdade? 🙏',
    'kan ik iemand van jullie tech team aan de lijn krijgen?',
  ])('hands off at once for %j', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    ['Spanish', 'Quiero hablar con una persona, por favor'],
    ['Spanish, want', 'necesito un agente'],
    ['Spanish, standalone', 'agente por favor'],
    ['French', 'Je voudrais parler à un conseiller'],
    ['German, a department by name', 'Können Sie mich mit der Buchhaltung verbinden?'],
    ['Dutch, a callback asked for as a thing', 'mag ik een terugbelverzoek doen?'],
    ['Dutch, someone to look at it', 'kan iemand van jullie team naar mijn koppeling kijken?'],
    ['French, besoin', "j'ai besoin d'un conseiller"],
    ['French, standalone', 'un humain svp'],
    ['German', 'Kann ich bitte mit einem Mitarbeiter sprechen?'],
    ['German, connect', 'Verbinden Sie mich mit einem Berater'],
    ['German, standalone', 'Mitarbeiter bitte'],
    ['Portuguese', 'quero falar com um atendente'],
    ['Portuguese, accent', 'Preciso falar com alguém'],
    ['English verb, Spanish noun', 'Hola, I need to talk to an agente por favor'],
    ['English verb, French noun', 'Bonjour, can I speak to un conseiller?'],
    ['accents and capitals', 'QUIERO HABLAR CON UNA PERSONA'],
    ['Italian', 'vorrei parlare con un operatore'],
    ['Italian, prefer', 'non lo trovo, preferisco sentire un addetto'],
    ['Italian, call me', 'potete chiamarmi domani mattina?'],
    ['Italian, standalone', 'operatore per favore'],
    ['Dutch', 'ik wil graag met een medewerker spreken'],
    ['Dutch, someone from', 'kan ik iemand van de klantenservice spreken?'],
    ['Dutch, standalone', 'medewerker aub'],
    ['a technician', "je voudrais parler à un technicien, l'appli refuse d'importer mes photos"],
    ['a technician, German', 'brauche einen Techniker, der Router hat seit gestern kein Internet'],
    ['a German callback', 'Können Sie mich bitte zurückrufen?'],
    ['a German callback noun', 'Bitte um Rückruf, meine Nummer haben Sie'],
    ['a German call me', 'Rufen Sie mich bitte an, das ist zu kompliziert'],
    ['a German is-there with filler words', 'Gibt es hier auch einen echten Menschen?'],
    ['a German contact person', 'ich hätte gern einen Ansprechpartner'],
    ['German customer service alone', 'Kundenservice bitte'],
    ['a Spanish callback', '¿me pueden llamar? prefiero por teléfono'],
    ['Spanish, be attended by a person', 'que me atienda una persona por favor'],
    ['Spanish, customer care', 'necesito hablar con atención al cliente'],
    ['Spanish, put me through', 'páseme con un agente'],
    ['Spanish, human attention', 'quiero atención humana'],
    ['a Portuguese callback', 'podem me ligar? é mais fácil'],
    ['Portuguese, need of', 'preciso de um atendente humano'],
    ['Portuguese, human attention', 'quero atendimento humano'],
    ['Portuguese, transfer to', 'me transfere pra um atendente pfv'],
    ['a French callback', 'pouvez-vous me rappeler ?'],
    ['an English callback', 'could you call me this afternoon?'],
    ['German, someone calling me', 'ich möchte dass mich eine Verkäuferin aus der Filiale in Köln anruft'],
    ['Dutch, on the line', 'geen idee waar dat staat, mag ik iemand aan de lijn?'],
    ['Dutch, one of you on the line', 'mag ik iemand van jullie aan de lijn? gaat over de levering'],
    ['whoever handles it', 'can I just speak to whoever handles invoices?'],
    ['Italian elided article', "voglio parlare con l'operatore"],
    ['French elided article', "je veux parler à l'opérateur"],
    ['Dutch, look along', 'kan er iemand even meekijken? ik snap het niet'],
    ['a developer', 'can I talk to a developer about the API limits?'],
  ])('understands %s', (_, text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    "I don't want to talk to a bot",
    'I do not want to chat with a robot',
    "I don't want a bot, where is my parcel",
    'no bots please',
    'No more bots. A person please',
    'no quiero hablar con una máquina',
    'nada de bots por favor',
    'je ne veux pas parler à un robot',
    'pas de robot svp',
    'Ich will nicht mit einem Bot sprechen',
    'keine Bots bitte',
    'não quero falar com um robô',
  ])('reads turning the bot away as an ask: %j', (text) => {
    expect(asksForPerson(text)).toBe(true);
  });

  it.each([
    ['English, forwarded to a team', 'please forward this to the team that handles business accounts'],
    ['Spanish, put through to a department', '¿me pasas con el departamento que lleva las facturas?'],
    ['French, the service that manages', "je voudrais qu'on me passe le service qui gère les comptes clients"],
    ['German, forwarded to colleagues', 'bitte an die Kollegen weiterleiten, die sich um Kundenkonten kümmern'],
    ['Portuguese, sent on to a sector', 'pode me encaminhar para o setor de cobrança?'],
    ['Italian, passed to an office', "mi passate all'ufficio che si occupa dei rimborsi?"],
    ['Dutch, put through to tech support', 'kun je me doorzetten naar jullie tech support?'],
    ['Dutch, flesh and blood', 'Is er vandaag ook iemand van vlees en bloed aanwezig?'],
    ['Spanish, flesh and blood', '¿hay alguien de carne y hueso por ahí?'],
    ['German, flesh and blood', 'sitzt bei euch noch jemand aus Fleisch und Blut?'],
    ['English, someone on the line', "Is there a way to get one of your team on the line? It's about admin rights"],
    ['Italian, someone on the phone', 'posso avere qualcuno al telefono oggi?'],
    ['English, a number to reach someone', 'is there a number where I can reach someone tonight?'],
    ['Dutch, someone by phone', 'kan iemand van support dat telefonisch met me doorlopen?'],
    ['Dutch, a two-word department', 'verder wil ik graag iemand van de financiële administratie spreken'],
    ['Spanish, someone by phone', '¿puede alguien explicarme esto por teléfono?'],
    ['French, a number to reach someone', "vous avez un numéro pour joindre quelqu'un ?"],
    ['German, a number to reach someone', 'gibt es eine nummer, unter der ich heute abend noch jemanden erreiche?'],
  ])('reads a roundabout ask as an ask (%s)', (_, text) => {
    expect(asksForPerson(text)).toBe(true);
  });
});

describe('human request: what is not an ask', () => {
  it.each([
    ['negation', "I don't need a human, just tell me where my parcel is"],
    ['negation with do not', 'I do not want to speak to an agent'],
    ['negation with think', "I don't think I need a human"],
    ['no need', "There's no need to talk to a human"],
    ['withdrawn', "Never mind, I don't need an agent anymore"],
    ['Spanish negation', 'no quiero hablar con una persona'],
    ['French negation', 'je ne veux pas parler à un conseiller'],
    ['French ne … pas besoin', "je n'ai pas besoin d'un conseiller"],
    ['German negation', 'Ich möchte nicht mit einem Mitarbeiter sprechen'],
    ['German kein', 'ich brauche keinen Mitarbeiter'],
    ['Portuguese negation', 'não quero falar com um atendente'],
    ['a question about the bot', 'Is your support team human or is this a bot?'],
    ['are you human', 'Are you a human?'],
    ['am I talking to', 'Am I talking to a real person?'],
    ['a word inside another (humane)', 'The humane society page on your site has a typo'],
    ['a word inside another (agentic)', 'agentic workflows, do you support them?'],
    ['not a robot', "I'm not a robot lol, can you tell me how to export to CSV?"],
    ['past events', 'I talked to an agent yesterday and they said it ships Monday'],
    ['someone else’s agent', "I'm a travel agent, do you offer group rates?"],
    ['a user agent', 'the user agent string is wrong in the API'],
    ['a report about an agent', 'The agent I spoke to yesterday was rude'],
    ['needing someone to do something', 'I need someone to check my invoice'],
    ['someone else’s words in quotes', "my friend said 'talk to an agent' but I'd rather you help me"],
    ['someone else’s words in double quotes', 'the FAQ says "speak to a representative" for custom plans, what does that cost?'],
    ['sarcasm without an ask', 'Oh sure, because talking to a bot is SO much better than a real person'],
    ['wanting the bot', 'I want to talk to the bot'],
    ['talking about an agent feature', 'quiero hablar de su agente de IA para mi web'],
    ['Italian negation', 'non voglio parlare con un operatore, ditemi solo gli orari'],
    ['Italian "no need"', 'non serve che mi passi un operatore, dimmi solo se avete le stan smith in 42'],
    ['Dutch negation', 'ik wil niet met een medewerker spreken'],
    ['a bot mentioned in passing', 'there is no bot on my page yet'],
    ['unsure whether it is a bot', "I don't know if I'm talking to a bot"],
    ['a negated ask that is not needed', 'no agent needed, just tell me the opening hours'],
    ['a person not needed', 'a human is not necessary, thanks'],
    ['a callback declined, German', 'alles klar, danke, kein Rückruf nötig'],
    ['a callback declined, Spanish', 'no hace falta que me llamen, ya lo resolví'],
    ['a callback declined, Portuguese', 'não precisa me ligar, já deu certo'],
    ['a question about human support, Portuguese', 'vcs têm atendimento humano no fim de semana?'],
    ['a question about human support, Italian', 'avete assistenza umana anche nel weekend?'],
    ['a product recall', 'gibt es eine Rückrufaktion für den Föhn?'],
    ['a Dutch line that is not the phone', 'de lijn op de grafiek klopt niet'],
    ['a developer mentioned', 'I am a developer, where are the API docs?'],
    ['an elided ask negated', "non voglio parlare con l'operatore"],
    ['connecting a device, German', 'wie kann ich mich mit dem Drucker verbinden?'],
    ['the bot asked to connect a device, German', 'kannst du mich mit dem WLAN verbinden?'],
    ['looking at settings oneself, Dutch', 'kan ik zelf naar de instellingen kijken?'],
    ['a transfer to another person, English', 'can I transfer this to the other person on my plan?'],
    ['moving to another plan, Portuguese', 'posso me transferir para o plano anual?'],
    ['a page the site sends one to, French', "le site me redirige vers la page d'accueil"],
    ['a message already forwarded, German', 'ich habe es schon an die Kollegen weitergeleitet, danke'],
    ['no need to forward, Dutch', 'je hoeft me niet door te zetten naar de helpdesk, ik zoek het zelf uit'],
    ['a team not wanted, German', 'bitte nicht an die Kollegen weiterleiten, ich kläre das selbst'],
    ['a phone line that is down', 'the phone line on my router is down since monday'],
    ['a number that is wrong', 'the phone number on my invoice is wrong'],
    ['someone who phoned, English', 'someone called me on the phone yesterday about my order'],
    ['a number not needed', "I don't need a number to reach someone, just tell me the hours"],
    ['flesh and blood in a story, English', 'my dog is flesh and blood too, is the food safe for him?'],
  ])('does not hand off for %s', (_, text) => {
    expect(asksForPerson(text)).toBe(false);
  });

  it('does hand off when visitors quote themselves asking', () => {
    expect(asksForPerson("I already typed 'agent' three times")).toBe(true);
  });
});

describe('human request: in a conversation', () => {
  it('escalates at the turn of the ask, after a long conversation', () => {
    const questions = [
      'do you ship to Canada?',
      'what about Norway',
      'and gift wrapping',
      'can I pay by invoice later',
      'which colours exist',
    ];
    const chat = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0 ? visitor(questions[(i / 2) % questions.length] ?? '') : bot('Yes, we do.'),
    );
    const result = replayConversation(conversation([...chat, visitor('ok, agent please')]), defaults);
    expect(result).toMatchObject({ atTurn: 40, decision: { escalate: true, primaryTrigger: 'human_request' } });
  });

  it('lets a later "never mind" withdraw an earlier ask', () => {
    const turns = [visitor('can I talk to an agent?'), bot('Sure, connecting you.'), visitor("never mind, I don't need an agent anymore")];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('outranks every other trigger and records the facts a refund still needs', () => {
    const decision = decideHandoff(saying('I want a refund, let me talk to a person'), defaults);
    expect(decision).toMatchObject({
      escalate: true,
      primaryTrigger: 'human_request',
      queue: 'billing',
      missingFacts: ['orderNumber'],
      askForFacts: [],
    });
  });

  it.each([
    ['yes please', true],
    ['Sí', true],
    ['ok', true],
    ['no thanks', false],
    ['yes, but first tell me the price', false],
  ])('reads %j after the bot offered a person as an ask: %s', (reply, escalates) => {
    const turns = [
      visitor('can I use the app offline?'),
      bot('I am not sure. Would you like to talk to a person?', { confidence: 0.5 }),
      visitor(reply),
    ];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(escalates);
  });

  it('does not read a yes as an ask when the bot offered nothing', () => {
    const turns = [visitor('do you ship to Canada?'), bot('Yes! Want to see the rates?'), visitor('yes please')];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('accepts the site’s own phrases', () => {
    const site = siteWith({ triggers: { human_request: { phrases: ['beam me up'] } } });
    expect(decideHandoff(saying('Beam me up, Scotty'), site).primaryTrigger).toBe('human_request');
    expect(decideHandoff(saying("I don't want you to beam me up"), site).escalate).toBe(false);
  });

  it('stays silent when the site turned the trigger off', () => {
    const site = siteWith({ triggers: { human_request: { enabled: false } } });
    expect(decideHandoff(saying('agent'), site).escalate).toBe(false);
  });
});

describe('human request: people, phones and forwarding that ask for nobody (review of 8f2d404)', () => {
  it.each([
    'Die Figuren im Spiel wirken wie Menschen aus Fleisch und Blut',
    'I personaggi del gioco sembrano persone in carne e ossa? Che bello.',
    'De acteurs zijn mensen van vlees en bloed, geen CGI',
    'Os bonecos parecem uma pessoa de carne e osso',
    "Le mannequin fait la taille d'une personne en chair et en os",
    'The novel is about people of flesh and blood',
    'Can I add a second phone number so the courier can contact someone at home?',
    'What phone number format should I use to reach someone abroad?',
    'Can someone else pay for my order by phone?',
    'Kan iemand anders telefonisch bestellen?',
    'Kann jemand anderes telefonisch für mich bestellen?',
    '¿Puede alguien de mi familia pagar por teléfono?',
    'Ho visto una persona al telefono che usava la vostra custodia, che modello è?',
    'Wenn der Kurier klingelt und jemand ans Telefon geht, reicht das?',
    'Please forward it to the finance team at my company',
    'Can I transfer this to the marketing team workspace in my account?',
    'Ich werde es an die Kollegen weiterleiten, danke!',
    'Ik moet deze offerte doorsturen naar de afdeling inkoop',
    'Mi jefe puede pasarme al equipo de ventas de mi empresa el pedido',
    'Vous pouvez me passer un service à thé en porcelaine ?',
    "Je voudrais qu'on me passe le service de table en porcelaine",
  ])('is no ask: %j', (text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});
