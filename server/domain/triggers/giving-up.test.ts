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
    ['fatto. pure reinstallato. vabbè lascio perdere, tanto ogni volta è la stessa storia', 'lascio perdere'],
    ['na dann halt nicht, ich lese eben auf dem Handy', 'dann halt nicht'],
    ['deixa quieto, uso no computador mesmo', 'deixa quieto'],
    ['o aniversário foi ontem. tudo bem, já nem faz mais diferença...', 'ja nem faz mais diferenca'],
    ["the party was yesterday, it doesn't matter anymore", "doesn't matter anymore"],
  ])('hears it in %j', (text, found) => {
    expect(givingUp(text)).toBe(found);
  });

  it.each([
    ['a withdrawal that found its answer', 'never mind, found it'],
    ['one that works again', 'laat maar, het werkt weer'],
    ['laughing it off', 'dommage haha, tant pis'],
    ['nothing given up', 'the parcel still has not arrived'],
    ['a withdrawal that works again, Italian', 'lascio perdere, ora funziona'],
    ['no longer needed because solved, Italian', 'non serve più, ho risolto da solo'],
  ])('hears none in %s', (_, text) => {
    expect(givingUp(text)).toBeNull();
  });
});
