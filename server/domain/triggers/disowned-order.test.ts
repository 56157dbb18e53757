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
    ['da ist eine Bestellung über 2 Airpods, die ich nie aufgegeben habe', 'bestellung uber 2 airpods, die ich nie aufgegeben habe'],
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

describe('calm messages about an order (review of 8f2d404)', () => {
  it.each([
    "The order arrived fine, I didn't make any changes to the address after all.",
    "My order is a bit late but I didn't order express shipping so that's fine.",
    'Purchase went through, we never made one so quickly before, great checkout.',
    'El pedido llegó perfecto, no hice ningún cambio al final.',
    'La compra fue muy fácil, nunca hice una tan rápido.',
    "Commande reçue, je n'ai pas fait de photos mais tout est parfait.",
    "Ma commande est bien arrivée, je n'ai pas commandé la bonne taille mais je vais l'échanger.",
    'A encomenda chegou, não fiz nenhuma alteração.',
    'O pedido chegou certinho, eu nunca fiz uma compra tão fácil.',
    'Il mio acquisto è perfetto, non ho mai fatto un ordine così veloce.',
    "There's an order I didn't place in my history, but it's my husband's. No problem.",
    'Da ist eine Bestellung, die ich nicht aufgegeben habe, aber mein Mann hat es mir gesagt, alles gut.',
  ])('is no case: %j', (text) => {
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });
});
