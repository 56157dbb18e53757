import { describe, expect, it } from 'vitest';
import { decideHandoff, replayConversation, triggerStrength } from '.';
import { compileTriggers } from './compile';
import { bot, conversation, fallback, defaults, saying, siteWith, visitor } from './test-conversations';

describe('decideHandoff', () => {
  it('returns the whole decision for an escalation', () => {
    expect(decideHandoff(saying('I want a refund for order 48213 and my email is ana@example.com'), defaults)).toEqual({
      escalate: true,
      triggers: [{ trigger: 'policy_topic', evidence: 'refund' }],
      primaryTrigger: 'policy_topic',
      queue: 'billing',
      routingRule: 'topic:refund',
      urgency: 'normal',
      missingFacts: [],
      askForFacts: [],
      offerHuman: false,
      topic: 'your refund',
      intent: 'refund',
      facts: { orderNumber: '48213', email: 'ana@example.com' },
    });
  });

  it('returns a quiet decision when nothing fired', () => {
    expect(decideHandoff(saying('What are your opening hours?'), defaults)).toMatchObject({
      escalate: false,
      triggers: [],
      primaryTrigger: null,
      urgency: 'low',
      topic: null,
      intent: 'general_question',
    });
  });

  it('lists every fired trigger, the primary one first, each with its evidence', () => {
    const turns = [visitor('THIS IS THE THIRD TIME!!! agent please'), bot('Let me check', { confidence: 0.1 })];
    const decision = decideHandoff(conversation(turns), defaults);
    expect(decision.triggers).toEqual([
      { trigger: 'human_request', evidence: 'agent please' },
      { trigger: 'frustration', evidence: 'third time' },
      { trigger: 'low_confidence', evidence: 'confidence 0.1 below 0.33' },
    ]);
    expect(decision.urgency).toBe('high');
  });

  it('names the issue type and topic from the visitor’s words, then from the bot', () => {
    expect(decideHandoff(saying('agent, my invoice is wrong'), defaults)).toMatchObject({
      intent: 'billing',
      topic: 'your billing question',
      queue: 'billing',
    });
    const fromBot = conversation([visitor('hmm'), bot('Is this about shipping?', { intent: 'shipping' }), visitor('agent')]);
    expect(decideHandoff(fromBot, defaults)).toMatchObject({ intent: 'shipping', queue: 'general' });
  });

  it('never escalates when the site turned handoff off, but still reports what fired', () => {
    const decision = decideHandoff(saying('agent'), siteWith({ handoffEnabled: false }));
    expect(decision).toMatchObject({ escalate: false, primaryTrigger: null, offerHuman: false });
    expect(decision.triggers.map((t) => t.trigger)).toEqual(['human_request']);
  });

  it('escalates a verified VIP before any turn', () => {
    expect(decideHandoff(conversation([], { verified: true, tags: ['vip'] }), defaults)).toMatchObject({ escalate: true, queue: 'vip' });
  });

  it('does not change its input', () => {
    const input = conversation([visitor('I want a refund for order 1234')]);
    const copy = structuredClone(input);
    decideHandoff(input, defaults);
    expect(input).toEqual(copy);
  });

  it('gives the same answer on every call', () => {
    const input = conversation([visitor('my app crashes'), bot('Sorry!', { fallback: true }), visitor('still crashing')]);
    expect(decideHandoff(input, defaults)).toEqual(decideHandoff(input, defaults));
  });
});

describe('replayConversation', () => {
  it('returns null when it never escalates, with the final decision', () => {
    const result = replayConversation(conversation([visitor('hi'), bot('Hello!')]), defaults);
    expect(result).toMatchObject({ atTurn: null, decision: { escalate: false } });
  });

  it('agrees with decideHandoff on the turns up to the escalation', () => {
    const turns = [visitor('hi'), bot('Hello!'), visitor('I was charged twice'), bot('Checking.'), visitor('thanks')];
    const { atTurn, decision } = replayConversation(conversation(turns), defaults);
    expect(atTurn).toBe(2);
    expect(decision).toEqual(decideHandoff(conversation(turns.slice(0, 3)), defaults));
  });

  it('returns null for a conversation without turns', () => {
    expect(replayConversation(conversation([]), defaults).atTurn).toBeNull();
  });
});

describe('compiled settings', () => {
  it('are built once per settings object', () => {
    expect(compileTriggers(defaults.triggers)).toBe(compileTriggers(defaults.triggers));
  });

  it('are shared by a settings object with the same content, as read again from the database', () => {
    const again = siteWith({}).triggers;
    expect(compileTriggers(again).config).toBe(again);
    expect(compileTriggers(again).analyze).toBe(compileTriggers(defaults.triggers).analyze);
    const changed = siteWith({ triggers: { human_request: { phrases: ['beam me up'] } } }).triggers;
    expect(compileTriggers(changed).analyze).not.toBe(compileTriggers(defaults.triggers).analyze);
  });

  it('rank all nine triggers', () => {
    expect([...triggerStrength].sort()).toEqual([
      'buying_intent',
      'customer_tag',
      'frustration',
      'human_request',
      'low_confidence',
      'out_of_scope',
      'policy_topic',
      'repeated_failure',
      'tool_failure',
    ]);
  });
});

describe('the topic named to the operator', () => {
  it('is the routing keyword’s issue type, not a topic the meaning alone suggested beside a request for a person', () => {
    const meaning = {
      labels: {
        complaint: { score: 0.97, example: 'this is unacceptable service', similarity: 0.97 },
        none: { score: 0.5, example: 'thanks', similarity: 0.5 },
      },
      restates: null,
    };
    const decision = decideHandoff(conversation([{ ...visitor('agent please, it is about my invoice'), meaning }]), defaults);
    expect(decision.triggers.map((t) => t.trigger)).toContain('human_request');
    expect(decision).toMatchObject({ escalate: true, intent: 'billing', topic: 'your billing question' });
  });

  it('is a topic the meaning found before a routing hint the meaning found (the topic passed the stricter test)', () => {
    const meaning = {
      labels: {
        refund: { score: 0.95, example: 'quiero que me devuelvan el dinero', similarity: 0.95 },
        technical: { score: 0.9, example: 'the app crashes', similarity: 0.9 },
        none: { score: 0.5, example: 'thanks', similarity: 0.5 },
      },
      restates: null,
    };
    const decision = decideHandoff(
      conversation([
        { ...visitor('me quedan fatal las zapatillas, lo quiero todo de vuelta'), meaning },
        bot('¿Número de pedido?'),
        visitor('ES-448201'),
      ]),
      defaults,
    );
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'policy_topic', intent: 'refund', queue: 'billing' });
  });
});

describe('a malfunction beside a topic the meaning found', () => {
  it('names the topic (a site taught "warranty" by example), not the technical problem', () => {
    const site = siteWith({
      triggers: {
        policy_topic: {
          topics: [{ id: 'warranty', label: 'your warranty', keywords: [], queue: 'general' }],
        },
        semantic: { examples: [{ label: 'warranty', text: 'is my lamp still under warranty?' }] },
      },
    });
    const meaning = {
      labels: {
        warranty: { score: 0.95, example: 'is my lamp still under warranty?', similarity: 0.95 },
        none: { score: 0.5, example: 'thanks', similarity: 0.5 },
      },
      restates: null,
    };
    const text = 'Ma lampe ne marche plus au bout de trois mois, est-elle couverte ?';
    const decision = decideHandoff(conversation([{ ...visitor(text), meaning }]), site);
    expect(decision).toMatchObject({ escalate: true, intent: 'warranty', topic: 'your warranty' });
    // Without the topic, the same words are a technical problem.
    const twoFallbacks = conversation([visitor(text), fallback(), visitor(text), fallback()]);
    expect(decideHandoff(twoFallbacks, defaults)).toMatchObject({ escalate: true, queue: 'technical' });
  });
});

describe('a topic the meaning found in a how-to question', () => {
  it('is a question for the bot ("wachtwoord vergeten, hoe reset ik dat?"), while a case stays one', () => {
    const meaning = {
      labels: {
        account_access: { score: 0.95, example: 'mijn wachtwoord is gereset zonder dat ik dat vroeg', similarity: 0.95 },
        none: { score: 0.5, example: 'thanks', similarity: 0.5 },
      },
      restates: null,
    };
    const asked = decideHandoff(conversation([{ ...visitor('wachtwoord vergeten, hoe reset ik dat?'), meaning }]), defaults);
    expect(asked.escalate).toBe(false);
    const told = decideHandoff(
      conversation([{ ...visitor('iemand heeft mijn wachtwoord veranderd, ik kom er niet meer in'), meaning }]),
      defaults,
    );
    expect(told).toMatchObject({ escalate: true, primaryTrigger: 'policy_topic', queue: 'account' });
  });
});

describe('routing keywords in seven languages', () => {
  const twoFallbacksAfter = (text: string) => conversation([visitor(text), fallback(), visitor(text), fallback()]);
  it.each([
    ['la app se bloquea cuando subo la foto', 'technical'],
    ["l'appli plante dès que j'ouvre le panier", 'technical'],
    ['die App stürzt ab, sobald ich bezahle', 'technical'],
    ['o app trava na hora de pagar', 'technical'],
    ["l'app si blocca quando carico il pdf", 'technical'],
    ['de app laadt niet sinds de update, is er een storing?', 'technical'],
    ['kan ik Roosterly koppelen aan Nmbrs?', 'technical'],
    ['la fattura di ottobre è intestata male', 'billing'],
    ['het factuuradres klopt niet', 'billing'],
    ['como emito a segunda via do boleto?', 'billing'],
    ['die Abbuchung vom Abo ist doppelt', 'billing'],
    ['ik ben mijn wachtwoord vergeten', 'account'],
    ['wie ändere ich die Handynummer für die SMS-TAN', 'account'],
    ['non ricordo il nome utente', 'account'],
    // Something that stopped working in words no keyword lists, and a payment that does not work.
    ['sigue sin funcionar, ya lo intenté todo', 'technical'],
    ['ça ne marche toujours pas depuis hier', 'technical'],
    ['al twee weken geen internet', 'technical'],
    ['the payment page does not load', 'technical'],
    ['there is an error on my invoice', 'billing'],
    ['zahlung funktioniert nicht', 'technical'],
    ['I was charged twice for one order', 'billing'],
    // The team the visitor asks for names the issue type.
    ['can someone from your accounts department call me', 'billing'],
    ['Kann mich jemand aus der Buchhaltung zurückrufen?', 'billing'],
    ["mi fate richiamare da qualcuno dell'amministrazione?", 'billing'],
    ['Könnt ihr mich mit eurem technischen Support verbinden?', 'technical'],
    ['mi fate richiamare da un tecnico?', 'technical'],
    ['kan een developer even meekijken?', 'technical'],
    ['unser alter Admin ist weg, wir brauchen neue Admin-Rechte', 'account'],
    ["devo aggiungere mia moglie come titolare dell'account", 'account'],
    ['mijn digipas moet gereset worden', 'account'],
    ['SSO with Okta for our workspace', 'technical'],
    ['ist meine Überweisung an den Vermieter schon raus?', 'billing'],
    // Accounting software is an integration, not a question for the accounting team.
    ['uren exporteren naar exact online boekhouding koppelen', 'technical'],
    // A connector or sync of invoices is technical; an error on an invoice stays billing (above).
    ['la integración con Holded sincroniza tb los gastos o solo las facturas??', 'technical'],
    ['o webhook do payment event não dispara', 'technical'],
    ['Llevo tres semanas sin poder emitir facturas desde FacturaYa', 'technical'],
    ['el informe mensual me sale en blanco al exportarlo', 'technical'],
    ['voor de 3e keer deze week valt de tv-ontvanger uit', 'technical'],
    ['mijn energierekening is hoger dan verwacht', 'billing'],
    ['ist eure Plattform gerade down? bekomme Fehler 502 beim Login', 'technical'],
    ['is jullie platform down? krijg steeds een timeout bij inloggen', 'technical'],
    ['ik kan niet inloggen, wachtwoord klopt niet', 'account'],
    // The team asked for names the issue type before the other words.
    ['votre équipe technique peut regarder directement mon compte ?', 'technical'],
    ['is there anyone on your tech team who could look at my account?', 'technical'],
    ['le formulaire de déclaration ne se valide pas', 'technical'],
    ['kannst du unsere instanz neu starten? der shop hängt seit 10 min', 'technical'],
    ['kunnen jullie mijn betaaldatum verschuiven naar de 28e?', 'billing'],
    ['hoe kan ik het telefoonnummer voor de verificatiecode wijzigen?', 'account'],
    ['Ich würde das lieber mit jemandem aus der Abrechnung durchgehen', 'billing'],
  ])('routes %j to %s', (text, queue) => {
    expect(decideHandoff(twoFallbacksAfter(text), defaults)).toMatchObject({ escalate: true, queue });
  });

  it.each([
    ['import duties', 'will I have to pay import duties on top?'],
    ['a stroller that folds', 'il passeggino si chiude con una mano sola?'],
    ['a product named like an invoice', 'cosa fa Fatturino in più di Excel?'],
    ['a Spanish "it does not matter"', 'no me importa el color, ¿cuándo llega?'],
    ['the technician who visits', 'el técnico tenía que venir ayer a instalar la fibra'],
  ])('does not read %s as a routing keyword', (_, text) => {
    expect(decideHandoff(twoFallbacksAfter(text), defaults).queue).toBe('general');
  });
});
