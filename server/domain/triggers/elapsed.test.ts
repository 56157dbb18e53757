import { describe, expect, it } from 'vitest';
import { findElapsed } from './elapsed';
import { normalizeText } from './text';

const elapsed = (text: string) => findElapsed(normalizeText(text));

describe('time lost or attempts counted', () => {
  it.each([
    ['Bank sync has been broken for 4 days', '4 days'],
    ['schandalig. al twee weken geen internet', 'twee weken'],
    ['ho perso tutta la mattinata', 'tutta la mattinata'],
    ['ÇA FAIT 3 JOURS QUE LA BOX NE MARCHE PLUS', '3 jours'],
    ['seit Freitag warte ich', 'seit freitag'],
    ['4th time this week the dashboard freezes', '4th time'],
    ['já reinstalei 3x e nada', '3x'],
    ['TERCERA VEZ QUE ESCRIBO', 'tercera vez'],
    ['perdi a manhã inteira com isso', 'a manha inteira'],
    ['zwölf Tage und nichts', 'zwolf tage'],
    ['ik zit hier sinds half 8 vanochtend aan', 'sinds half 8'],
    ['depuis 8h ce matin je ne peux pas payer', 'depuis 8h'],
    ['seit 7 Uhr geht nichts', 'seit 7 uhr'],
    ['llevo desde las 9 con esto', 'desde las 9'],
  ])('finds it in "%s"', (text, found) => {
    expect(elapsed(text)).toBe(found);
  });

  it.each([
    'where is my parcel?',
    'the 2pm train to Leeds',
    'order 48213 please',
    'I want 25 seats',
    'is it open on sunday',
    'mandame el código de 6 dígitos',
    'one at a time please',
    'una vez que pague, ¿cuándo llega?',
    'qual o dia da entrega?',
    'un mal servicio de atención',
    'ah ik geef elke 3 dagen water 🙈',
    'I water it every 2 days',
    'desde 19 euros al mes',
    'since 2019 I have been a customer',
  ])('finds nothing in "%s"', (text) => {
    expect(elapsed(text)).toBeNull();
  });
});
