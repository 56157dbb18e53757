import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { findBankReversal, findChargeStory } from './charge-story';
import { defaults, saying } from './test-conversations';
import { normalizeText } from './text';

const story = (text: string) => findChargeStory(normalizeText(text));

describe('a double charge told as a story', () => {
  it.each([
    ['Ihr habt am 3. und am 4. März jeweils 49,90 eingezogen. Bestellt hab ich aber genau einmal.', 'bestellt hab ich aber genau einmal'],
    ['you charged my card on Monday and on Tuesday but I ordered once', 'ordered once'],
    ["vous m'avez prélevé 30 € lundi et 30 € mardi, je n'ai commandé qu'une fois", "qu'une fois"],
    ['me habéis cobrado el día 3 y el día 5, y solo pagué una vez', 'pague una vez'],
    ['mi avete addebitato 20 euro due giorni di fila, ma ho ordinato una volta sola', 'ordinato una volta'],
    ['er is twee dagen na elkaar afgeschreven terwijl ik een keer besteld heb', 'een keer besteld'],
    ['übrigens habt ihr mir für die bestellung letzte woche 2x 59,90 abgebucht, seh ich im kontoauszug', '2x 59,90 abgebucht'],
    ['me cobraron dos veces los 12,99 de la suscripción', 'cobraron dos veces'],
  ])('hears it in %j', (text, found) => {
    expect(story(text)).toBe(found);
    expect(decideHandoff(saying(text), defaults)).toMatchObject({
      escalate: true,
      primaryTrigger: 'policy_topic',
      intent: 'billing_dispute',
    });
  });

  it.each([
    ['an order made once, nothing taken', 'I ordered once from you and loved it'],
    ['money taken, no count', 'the 49,90 was eingezogen yesterday, all fine'],
    ['a question', 'if I ordered once and the money was taken on two days, what happens?'],
    ['a double charge denied', 'ihr habt nicht 2x abgebucht, war mein Fehler'],
    ['twice without money taken', 'I ordered twice this month and loved it both times'],
  ])('is no case with %s', (_, text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});

describe('a charge the bank is asked to reverse', () => {
  it.each([
    ['Ho già chiesto alla mia banca di stornare gli 89 euro, il corso non mi è mai stato attivato.', 'banca di stornare'],
    ['ik heb mijn bank al gevraagd om die tweede terug te draaien', 'bank al gevraagd om die tweede terug te draaien'],
    ["I've asked my bank to reverse the payment", 'bank to reverse'],
    ["j'ai demandé à ma banque d'annuler le prélèvement", "banque d'annuler"],
    ['ich lasse das über meine Bank zurückbuchen', 'zuruckbuchen'],
  ])('is a disputed charge: %j', (text, found) => {
    expect(findBankReversal(normalizeText(text))?.endsWith(found.split(' ').at(-1) ?? '')).toBe(true);
    expect(decideHandoff(saying(text), defaults)).toMatchObject({
      escalate: true,
      primaryTrigger: 'policy_topic',
      intent: 'billing_dispute',
    });
  });

  it.each([
    ['a new card from the bank', 'my bank sent me a new card, how do I change it here'],
    ['a question', 'can my bank reverse a payment to you?'],
    ['a bank transfer refunded by the shop, nothing asked of the bank', 'I paid by bank transfer yesterday'],
  ])('is no case with %s', (_, text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});

describe('calm messages about charges and orders (review of 8f2d404)', () => {
  it.each([
    "Only ordered once before and was billed the right amount, so I'm ordering again.",
    "I wasn't charged twice, I only ordered once, just asking when it ships.",
    'Ich wurde nicht doppelt belastet, nur einmal bestellt, wann kommt das Paket?',
    'Pagué una vez y me lo han cobrado correctamente, gracias.',
    'Paguei uma vez e cobraram corretamente, obrigado.',
    'Ho pagato una volta e mi è stato addebitato correttamente, grazie.',
    'Ik heb een keer betaald en het is correct afgeschreven, bedankt.',
    'Ich habe einmal bezahlt und es wurde korrekt abgebucht, danke.',
    "J'ai commandé une fois et la facture était parfaite.",
    'Solo hice un pedido hasta ahora y fue perfecto',
    'Ich habe bisher nur einmal bestellt, war super',
    'Só fiz um pedido até agora e adorei',
    'Ho ordinato solo una volta ma mi sono trovato benissimo',
    'Ik heb maar een keer besteld en het was top',
    "I've taken the course twice now and loved it",
    "I'd like to be billed twice a year instead of monthly",
    'Der Rabatt wurde zweimal abgezogen, super',
    'Het bedrag is twee keer zo snel afgeschreven als bij mijn oude winkel, top service',
    "I was debited twice the amount I expected because I bought two, that's right, cheers",
    "I don't want to refund through my bank, I trust you guys",
    "Ma banque m'a dit de ne pas contester, tout va bien.",
    'Mijn bank heeft gezegd dat ik niks hoef terug te boeken, alles is in orde',
    "Do you have a travel guide for a city where I've never been?",
    '¿Tenéis guías de viaje de algún país donde nunca he estado?',
    'Vorrei regalare un viaggio in un posto dove non sono mai stato, avete idee?',
  ])('is no case: %j', (text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});

describe('a charge from a place the visitor has never been', () => {
  it('is a disputed charge with the charge named', () => {
    const text = 'me aparece un cargo de 89,90€ de una tienda de Hamburgo donde jamás he estado. la tarjeta la tengo yo aquí en la mano';
    expect(story(text)).toBe('donde jamas he estado');
    expect(decideHandoff(saying(text), defaults)).toMatchObject({ escalate: true, intent: 'billing_dispute' });
  });
});
