import { describe, expect, it } from 'vitest';
import { asksToReachSomeone } from './contact-asked';
import { normalizeText, wordsOf } from './text';

const asks = (text: string) => {
  const normalized = normalizeText(text);
  return asksToReachSomeone(normalized, wordsOf(normalized));
};

describe('someone named beside a way of reaching them', () => {
  it.each([
    'Could somebody from your billing team give me a ring about the last two invoices?',
    "J'aurais besoin d'échanger avec quelqu'un de chez vous",
    'tem como alguém do financeiro de vcs me ligar?',
    'kan iemand van jullie me vanmiddag bellen?',
  ])('reads "%s"', (text) => {
    expect(asks(text)).toBe(true);
  });

  it.each([
    'Bitte nicht an einen Mitarbeiter weiterleiten, ich will nur wissen wann die Filiale aufmacht',
    'comment désactiver le transfert vers un agent humain ? je veux que les appels aillent sur la messagerie',
    'how do I let my team call customers from the app?',
    'where is my parcel?',
    'which phone holder fits the 2022 model?',
    'please do not call me, someone can email instead',
  ])('does not read "%s"', (text) => {
    expect(asks(text)).toBe(false);
  });
});
