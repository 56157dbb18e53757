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
    ["l'app della palestra non mi fa prenotare i corsi", 'non mi fa'],
    ['la app no me deja adjuntar el justificante', 'no me deja'],
    ["it won't let me log in", "won't let me"],
    ['desde sábado a net cai de meia em meia hora', 'net cai'],
    ['se me cae el internet cada tarde', 'cae el internet'],
    ['die Verbindung bricht ständig ab', 'verbindung bricht'],
    ["L'APP MI BUTTA FUORI OGNI VOLTA CHE APRO IL CARRELLO", 'mi butta fuori'],
    ['the app kicks me out when I open the basket', 'kicks me out'],
    ['die App wirft mich ständig raus', 'wirft mich standig raus'],
  ])('finds it in "%s"', (text, found) => {
    expect(malfunction(text)).toBe(found);
  });

  it.each([
    'is the store not open on sunday?',
    '¿no abren los domingos?',
    'non va bene la taglia, posso cambiarla?',
    'where is my parcel',
    'I do not want a newsletter',
    'the price drops next week, should I wait?',
    'my net salary changed, is the invoice right?',
    '¿alguien me echa una mano con la talla?',
  ])('finds nothing in "%s"', (text) => {
    expect(malfunction(text)).toBeNull();
  });
});
