import { describe, expect, it } from 'vitest';
import { findAlreadyTried } from './already-tried';
import { normalizeText } from './text';

const tried = (text: string) => findAlreadyTried(normalizeText(text));

describe('the visitor already did what the bot suggests', () => {
  it.each([
    ["Already on 4.2.1. I've also reinstalled", 'already on 4'],
    ['Tentei de novo, está na minha primeira mensagem', 'minha primeira mensagem'],
    ['al gedaan, helpt niet', 'al gedaan'],
    ["C'est celui que je vous ai envoyé dans mon premier message.", 'mon premier message'],
    ['ya lo he reiniciado tres veces', 'ya lo he reiniciado'],
    ['den Artikel hatte ich schon gelesen', 'schon gelesen'],
    ['já fiz isso ontem', 'ja fiz'],
    ['ho già provato', 'gia provato'],
  ])('finds it in "%s"', (text, found) => {
    expect(tried(text)).toBe(found);
  });

  it.each([
    'where is my parcel?',
    'can you send me the invoice again',
    'I read your newsletter every week',
    'al final lo he hecho yo',
    'sono andato al negozio e ho provato la taglia',
    'I already paid for it on Monday',
    'ja, gemacht, danke',
  ])('finds nothing in "%s"', (text) => {
    expect(tried(text)).toBeNull();
  });
});
