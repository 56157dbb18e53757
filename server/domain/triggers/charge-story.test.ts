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
