import { describe, expect, it } from 'vitest';
import { findGivingUp } from './giving-up';
import { normalizeText } from './text';

const givingUp = (text: string) => findGivingUp(normalizeText(text));

describe('giving up with nothing solved', () => {
  it.each([
    ['Weet je wat, laat maar. Ik zie wel of die tafel ooit nog komt.', 'laat maar'],
    ["guarda, lascia stare. ho speso 249 euro per un orologio che uso solo per vedere l'ora", 'lascia stare'],
    ['bon. tant pis. quatre fois la même réponse', 'tant pis'],
    ['to quase desistindo de ser cliente de vcs', 'desistindo'],
    ['geht auch nicht. ich sitz seit 40 minuten vor diesem warenkorb, kauf ich halt woanders', 'woanders'],
    ['Laissez tomber. Je résilierai, ce sera plus simple', 'laissez tomber'],
    ['forget it, nothing works', 'forget it'],
    ['laat maar, het werkt gewoon niet', 'laat maar'],
  ])('hears it in %j', (text, found) => {
    expect(givingUp(text)).toBe(found);
  });

  it.each([
    ['a withdrawal that found its answer', 'never mind, found it'],
    ['one that works again', 'laat maar, het werkt weer'],
    ['laughing it off', 'dommage haha, tant pis'],
    ['nothing given up', 'the parcel still has not arrived'],
  ])('hears none in %s', (_, text) => {
    expect(givingUp(text)).toBeNull();
  });
});
