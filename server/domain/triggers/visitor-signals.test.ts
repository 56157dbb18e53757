import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { conversation, defaults, saying, siteWith, visitor } from './test-conversations';

// Triggers read from what the visitor says and who they are; bot-signals.test.ts has those read from the bot's answers.

const primaryFor = (text: string) => decideHandoff(saying(text), defaults).primaryTrigger;

describe('frustration and urgency', () => {
  it.each([
    ['shouting with repeated punctuation', 'WHERE IS MY PACKAGE???', 'high'],
    ['"third time"', "this is the third time I'm asking", 'high'],
    ['"still not working"', 'it is still not working', 'high'],
    ['a phrase', 'this is ridiculous, nothing works', 'high'],
    ['profanity', 'this fucking app', 'high'],
    ['sarcasm that says it', 'thanks for nothing', 'high'],
    ['sarcasm in German', 'Na toll. Danke für nichts.', 'high'],
    ['a problem shouted', 'WARUM SEH ICH MEINEN KURS NICHT MEHR IN DER APP. ICH HAB 600 EURO BEZAHLT', 'high'],
    ['the bot repeating itself', '¿en serio? me pegas la misma respuesta. genial.', 'high'],
    ['the third time an order was cancelled', 'This is the third time my order has been cancelled!', 'high'],
    ['swearing with thanks', 'Scheiße, danke für gar nichts', 'high'],
    ['a "how come" shouted', "HOE KAN HET DAT MIJN PAKKET AL 2 DAGEN 'BIJ DE BUREN' LIGT ALS ALLE BUREN NIKS HEBBEN GEKREGEN", 'high'],
    ['"urgent"', 'urgent: the checkout is down', 'urgent'],
    ['"asap"', 'I need this fixed ASAP', 'urgent'],
    ['Spanish urgency', 'es urgente, la web no funciona', 'urgent'],
    ['German urgency', 'Das ist dringend, die Kasse geht nicht!', 'urgent'],
    ['urgency with emphasis', 'urgente!!! il POS non accetta carte', 'urgent'],
    ['French', "j'en ai marre de ce site", 'high'],
    ['German scorn', 'zahlung geht schon wieder nicht. was ist das für ein Saftladen', 'high'],
    ['German "Mist"', 'Die App stürzt JEDES MAL ab wenn ich ein Foto hochladen will. Was soll der Mist', 'high'],
    ['Spanish "desastre"', 'reinstalé, reinicié, TODO. sigue igual, esto es un desastre', 'high'],
    ['Portuguese "palhaçada"', 'que palhaçada, terceira entrega que não chega', 'high'],
    ['Italian "fa schifo"', 'il servizio fa schifo, nessuno risponde', 'high'],
    ['two angry faces', '¿en serio? eso fue lo primero que hice 🤬🤬', 'high'],
    ['one angry face with "???"', 'vi ho scritto tre giorni fa, ma vi sembra giusto??? 😡', 'high'],
    ['nobody answering, in Italian', 'vi ho scritto lunedì e mercoledì e nessuno mi risponde', 'high'],
    ['Brazilian profanity', 'pqp, o app trava toda vez que abro o extrato', 'high'],
    ['"every time" shouted', "L'APP MI BUTTA FUORI OGNI VOLTA CHE APRO IL CARRELLO. OGNI. SINGOLA. VOLTA. da lunedì", 'high'],
    ['sent round in circles, French', 'ça fait une heure que je tourne en rond avec votre appli', 'high'],
    ['sent from pillar to post, Dutch', 'ik word van het kastje naar de muur gestuurd', 'high'],
    ['had enough, English', '4th time this week the dashboard freezes mid report. I have had it with this software', 'high'],
    ['had enough, Italian', 'BASTA. mi avete proprio stufato, aspetto da venerdì', 'high'],
  ])('escalates early on %s, flagging %s', (_, text, urgency) => {
    expect(decideHandoff(saying(text), defaults)).toMatchObject({ escalate: true, primaryTrigger: 'frustration', urgency });
  });

  it.each([
    ['shouting alone', 'I LOVE THE NEW DASHBOARD'],
    ['joy shouted every time', 'EVERY TIME I OPEN YOUR APP I SMILE, THANK YOU'],
    ['a spinner going round, French', "l'icône de chargement tourne en rond, c'est normal ?"],
    ['excitement', 'THANK YOU SO MUCH!!!'],
    ['one exclamation', 'still stuck at 99%!'],
    ['a negated urgency', 'no rush, this is not urgent'],
    ['a hurry the bot can serve', 'urgent - need to know if the 2pm train to Leeds is running'],
    ['a hurry with "!!" and no case', 'urgente!! necesito el justificante de pago de la matrícula para mañana'],
    ['a hurry at the counter', 'Dringend!! Brauche die eVB-Nummer für die Zulassungsstelle'],
    [
      'an answered policy question about hacking, hypothetically',
      'Rein hypothetisch: wenn mein Konto gehackt würde, wie schnell könnt ihr es sperren?',
    ],
    ['joy in a hurry', 'super, bestell ich sofort!!'],
    ['joy in capitals', 'FUNZIONAAA!!! GRAZIE MILLE'],
    ['joy with an emoji', 'YESSS HET WERKT WEER!!! 🎉🎉 dank je'],
    ['joy with cat emoji', 'CHEGOUUU!!! A RAÇÃO NOVA É UM SUCESSO, O GATO AMOU 😻😻'],
    ['a loyal customer counting orders', 'dit is al de derde keer dat ik bij jullie bestel, altijd top service!'],
    ['joy with letters held', 'ERA ISSO!!! FUNCIONOUUU 😭😭 OBRIGADAAAA'],
    ['a swear word of delight', 'porra que rápido chegou, comprei ontem à noite kkkkk amei'],
    ['a how-to in a hurry', 'urgent svp, comment je bloque ma carte temporairement ?'],
    ['a question in capitals', 'HELLO I WOULD LIKE TO KNOW IF YOU SHIP TO CANADA OR NOT'],
    ['a question in capitals with "porque"', 'HOLA QUIERO SABER EL PRECIO DEL SOFA PORQUE LO NECESITO'],
    ['a question whether returns are free', 'top, en retourneren is gratis toch?'],
    ['joy shouted', 'I CANNOT BELIEVE HOW GOOD THIS IS, THANK YOU'],
    ['relief that it works again', 'ES GEHT WIEDER!!! ENDLICH'],
    ['a mist spray', 'does the face mist spray come in a bigger size?'],
    ['a disaster movie', '¿tenéis la película Desastre en el Pacífico en Blu-ray?'],
    ['an acronym', 'how do I export to CSV or PDF?'],
    ['"damn" as relief', 'damn, that was fast'],
    ['sarcasm without a signal', 'Oh wonderful, another bot. Just what I needed.'],
    ['a how-to question in a hurry', 'urgent!! guests arriving in 10 min, how do I reset the router wifi password'],
    ['a time span in an hours question', 'are you open all morning on saturday? and does the battery last for hours?'],
    ['"didn\'t make it"', "I didn't make it to the store before closing, can I pick up tomorrow?"],
    ['permission asked of a boss', 'ho chiesto il permesso al mio capo, posso ordinare 3 sedie?'],
    ['one angry face alone', 'my cat looks at the vacuum like this 😡 do you sell quieter ones?'],
  ])('does not escalate on %s', (_, text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it('turns off single signals the site does not want', () => {
    const site = siteWith({ triggers: { frustration: { shouting: false } } });
    expect(decideHandoff(saying('WHERE IS MY PACKAGE???'), site).escalate).toBe(false);
  });
});

describe('frustration by meaning', () => {
  const sighing = (text: string) =>
    conversation([
      {
        ...visitor(text),
        meaning: {
          labels: {
            frustration: { score: 0.95, example: 'ma che davero? pure stavolta', similarity: 0.95 },
            none: { score: 0.5, example: 'thanks', similarity: 0.5 },
          },
          restates: null,
        },
      },
    ]);

  it('escalates a turn that reads as frustration', () => {
    expect(decideHandoff(sighing('pure stavolta niente, come sempre'), defaults)).toMatchObject({
      escalate: true,
      primaryTrigger: 'frustration',
    });
  });

  it('does not escalate thanks or joy that reads close to it', () => {
    expect(decideHandoff(sighing('perfetto, ordino subito, grazie!'), defaults).escalate).toBe(false);
    expect(decideHandoff(sighing('all sorted 🎉'), defaults).escalate).toBe(false);
  });

  it('still escalates sarcasm that rolls its eyes', () => {
    expect(decideHandoff(sighing('geweldig hoor, weer een nutteloze link 🙄'), defaults).escalate).toBe(true);
  });
});

describe('buying intent', () => {
  it.each([
    'How much does the enterprise plan cost for 300 seats?',
    'Can I book a demo for my team next week?',
    'Could you send me a quote?',
    'we need pricing for 50 users',
    'We want 40 licences',
    'Do you have volume discounts for bulk orders?',
    'Quisiera una cotización',
    "J'aimerais un devis",
    'tenéis condiciones para distribuidores? me interesa revender vuestros piensos',
    'possiamo fissare una presentazione online del gestionale per il nostro ufficio?',
    'tem tabela de atacado?',
    '¿venden al por mayor? tengo una tienda',
    'gibt es Mengenrabatt ab 100 Stück?',
    'sou revendedor, quero comprar em quantidade',
    'we are a shop, do you do wholesale?',
    'en wat kost het voor 200 gebruikers? we moeten voor Q1 beslissen',
    'quanto costa per 50 utenti?',
    'verkopen jullie ook aan winkels? ik heb een cadeauwinkeltje in Zwolle',
    'ne servirebbero 12 per il nostro hotel. fate condizioni particolari?',
  ])('routes %j to sales', (text) => {
    expect(decideHandoff(saying(text), defaults)).toMatchObject({ escalate: true, primaryTrigger: 'buying_intent', queue: 'sales' });
  });

  it.each([
    ['a simple price question', "what's the price of the basic plan?"],
    ['a small team', 'we need pricing for 5 users'],
    ['a head count that is not a purchase', '30 users in my team see the same screen'],
    ['an existing enterprise customer', "I'm on the enterprise plan, where is the export button?"],
    ['a negated demo', "I don't need a demo, just the docs"],
    ['a question about a business plan', '¿tenéis plan para empresas?'],
    ['French "en gros" (roughly)', "en gros, comment j'exporte mes factures ?"],
    ['a small Dutch team', 'wat kost het voor 3 gebruikers?'],
    ['a price per person, Italian', 'il prezzo è per persona?'],
    ['a shop visited, Dutch', 'kan ik mijn bestelling ophalen in een van jullie winkels?'],
  ])('stays with the bot for %s', (_, text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it('counts a large verified cart, not an unverified one', () => {
    const cart = { attributes: { cartValue: 2500 } };
    expect(decideHandoff(conversation([visitor('do you ship to Canada?')], { ...cart, verified: true }), defaults)).toMatchObject({
      primaryTrigger: 'buying_intent',
      queue: 'sales',
    });
    expect(decideHandoff(conversation([visitor('do you ship to Canada?')], cart), defaults).escalate).toBe(false);
  });
});

describe('customer tag', () => {
  it.each([
    ['vip', { tags: ['vip'], verified: true }, true],
    ['a named account', { tags: ['named-account'], verified: true }, true],
    ['a tag in capitals', { tags: ['VIP'], verified: true }, true],
    ['an unverified vip', { tags: ['vip'], verified: false }, false],
    ['an ordinary tag', { tags: ['newsletter'], verified: true }, false],
  ])('bypasses the bot for %s: %s', (_, who, escalates) => {
    const decision = decideHandoff(conversation([visitor('hi')], who), defaults);
    expect(decision.escalate).toBe(escalates);
    if (escalates) expect(decision).toMatchObject({ primaryTrigger: 'customer_tag', queue: 'vip', urgency: 'high' });
  });

  it('uses lifetime value only when the site sets a threshold', () => {
    const rich = { verified: true, attributes: { lifetimeValue: 50_000 } };
    expect(decideHandoff(conversation([visitor('hi')], rich), defaults).escalate).toBe(false);
    const site = siteWith({ triggers: { customer_tag: { lifetimeValueAtLeast: 10_000 } } });
    expect(decideHandoff(conversation([visitor('hi')], rich), site)).toMatchObject({
      primaryTrigger: 'customer_tag',
      queue: 'vip',
      routingRule: 'vip-customer-tag',
    });
  });

  it('sends a verified VIP to the vip queue whatever the topic', () => {
    const decision = decideHandoff(conversation([visitor('I was charged twice')], { tags: ['vip'], verified: true }), defaults);
    expect(decision).toMatchObject({ primaryTrigger: 'policy_topic', queue: 'vip', routingRule: 'vip' });
  });
});

describe('primary trigger order', () => {
  it.each([
    ['a person asked for by an angry visitor', 'AGENT NOW, THIS IS THE THIRD TIME!!!', 'human_request'],
    ['a policy topic said angrily', "I want to complain, it's ridiculous", 'policy_topic'],
    ['a quote asked for urgently', 'I need a quote urgently!!', 'frustration'],
  ])('picks the strongest for %s', (_, text, trigger) => {
    expect(primaryFor(text)).toBe(trigger);
  });
});

describe('phrases of frustration used calmly (review of 8f2d404)', () => {
  it.each([
    "I've had it with this phone case for two years and it's still perfect.",
    'I have had it with me on every trip, best backpack ever.',
    'Ne ho abbastanza per un anno, grazie!',
    'Eine Packung reicht mir, mir reichts völlig, danke.',
    'My robot vacuum keeps going in circles in the hallway, is that a setting?',
    "Avec la trottinette, on tourne en rond dans le parc, c'est génial",
    'Con il monopattino giro in tondo in cortile, bellissimo',
    'Met de nieuwe schaatsen draai ik in rondjes op het ijs, heerlijk',
    'Estoy hasta el gorro de frío, ¿tenéis gorros de lana?',
  ])('is no frustration: %j', (text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});
