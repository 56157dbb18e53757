import { describe, expect, it } from 'vitest';
import { findMalfunction } from './malfunction';
import { normalizeText } from './text';

const malfunction = (text: string) => findMalfunction(normalizeText(text));

describe('something that stopped working', () => {
  it.each([
    ['sigue sin funcionar el pago', 'sin funcionar'],
    ['le paiement ne marche toujours pas', 'ne marche'],
    ['zahlung geht IMMER NOCH nicht', 'geht immer noch nicht'],
    ['de app werkt nog steeds niet', 'werkt nog steeds niet'],
    ["the export still doesn't work", "n't work"],
    ['app keeps logging me out', 'keeps logging me out'],
    ['la fibra non va da lunedì', 'non va'],
    ['al twee weken geen internet', 'geen internet'],
    ['o leitor não reconhece o código', 'nao reconhece'],
  ])('finds it in "%s"', (text, found) => {
    expect(malfunction(text)).toBe(found);
  });

  it.each([
    'is the store not open on sunday?',
    '¿no abren los domingos?',
    'non va bene la taglia, posso cambiarla?',
    'where is my parcel',
    'I do not want a newsletter',
  ])('finds nothing in "%s"', (text) => {
    expect(malfunction(text)).toBeNull();
  });
});
