import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { findOthersStory } from './others-story';
import { defaults, saying } from './test-conversations';
import { normalizeText } from './text';

describe("someone else's story beside the visitor's how-to question", () => {
  it.each([
    ["my mate's account got hacked last week so I'm a bit paranoid now. how do I turn on 2 step login?", "my mate's"],
    ['Mijn collega zegt dat haar account ooit gehackt is. Hoe zet ik zelf tweestapsverificatie aan?', 'mijn collega'],
    ["Hoe herken ik nepmails die zich voordoen als jullie? Mijn buurvrouw is vorige week gehackt via zo'n mail", 'mijn buurvrouw'],
    [
      'mijn buurman is vorig jaar gehackt bij een andere webshop, dus even voor de zekerheid: hoe zet ik tweestapsverificatie aan bij jullie?',
      'mijn buurman',
    ],
    [
      'Ma collègue a eu un litige avec un autre site et a dû prendre un avocat, du coup je préfère demander avant : on peut annuler une commande dans les 24h chez vous ?',
      'ma collegue',
    ],
    ['my sister got hacked on another shop, do you have two-factor login?', 'my sister'],
  ])('is no case: %j', (text, found) => {
    expect(findOthersStory(normalizeText(text))).toBe(found);
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it.each([
    ['one sentence', "my wife's account was hacked, how do I get her back in?"],
    ['no how-to question', "my brother's account was hacked and now mine was hacked too"],
    ['the visitor’s own case', 'my account was hacked. how do I get it back?'],
    ['their own card', 'My son used my card and you charged me twice. How do I stop it?'],
    ["a husband's card charged", "My husband's card was charged twice by you. How can I get the money back?"],
    ['another shop, but no question', 'my brother was hacked on another site and now his account here was hacked too'],
    ['another shop, but the visitor’s own account', 'my friend was hacked on another shop, and my account here too, what do I do?'],
  ])('stays a case with %s', (_, text) => {
    expect(findOthersStory(normalizeText(text))).toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(true);
  });
});
