import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { findDisownedOrder } from './disowned-order';
import { defaults, saying } from './test-conversations';
import { normalizeText } from './text';

const disowned = (text: string) => findDisownedOrder(normalizeText(text));

describe('an order the visitor never placed', () => {
  it.each([
    [
      "wait. there's an order in here for a laptop i never placed, and my address has been changed",
      'order in here for a laptop i never placed',
    ],
    ["il y a une commande de 300 € que je n'ai jamais passée", "commande de 300 € que je n'ai jamais passee"],
    ['da ist eine Bestellung über 2 Airpods, die ich nie aufgegeben habe', 'bestellung uber 2 airpods, die ich nie aufgegeben'],
    ['en mi cuenta aparece un pedido de unas zapatillas que no hice', 'pedido de unas zapatillas que no hice'],
    ['tem uma encomenda de um celular que eu nunca fiz', 'encomenda de um celular que eu nunca fiz'],
    ["c'è un ordine di 2 tablet che non ho mai fatto", 'ordine di 2 tablet che non ho mai fatto'],
    [
      'er staat een bestelling van 400 euro in mijn account die ik niet heb geplaatst',
      'bestelling van 400 euro in mijn account die ik niet heb geplaatst',
    ],
  ])('is a case for the account team: %j', (text, found) => {
    expect(disowned(text)).toBe(found);
    expect(decideHandoff(saying(text), defaults)).toMatchObject({ escalate: true, primaryTrigger: 'policy_topic', queue: 'account' });
  });

  it.each([
    ['never having ordered before', 'I never placed an order with you before, how do shipping costs work?'],
    ['an order the visitor did place', 'the order I placed on Monday has not shipped'],
    ['an order in another sentence', 'where is my order. I never made it to the pickup point'],
  ])('is no case with %s', (_, text) => {
    expect(disowned(text)).toBeNull();
  });
});
