import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { bot, conversation, defaults, visitor } from './test-conversations';
import { normalizeText } from './text';
import { findWornOut } from './worn-out';

const wornOut = (text: string) => findWornOut(normalizeText(text));
const afterAnswer = (text: string) =>
  decideHandoff(
    conversation([
      visitor("je n'arrive pas à ajouter ma carte"),
      bot("Vérifiez que l'application est à jour, puis réessayez."),
      visitor(text),
    ]),
    defaults,
  );

describe('worn out', () => {
  it.each([
    ["ça fait une heure que j'essaie, je suis crevée", 'je suis crevee'],
    ['ik zit hier sinds half 8 aan en ik heb eerlijk gezegd geen puf meer', 'geen puf meer'],
    ['llevo toda la tarde, estoy agotada', 'estoy agotada'],
    ['tre giorni così, non ce la faccio più.', 'non ce la faccio piu'],
    ['Ich kann nicht mehr!', 'ich kann nicht mehr'],
    ['ik ben op.', 'ik ben op'],
  ])('hears it in %j', (text, found) => {
    expect(wornOut(text)).toBe(found);
  });

  it.each([
    ['a login that fails, German', 'ich kann nicht mehr einloggen'],
    ['a login that fails, Dutch', 'ik kan niet meer inloggen'],
    ['a holiday, Dutch', 'ik ben op vakantie tot maandag'],
    ['being tired of nothing', 'the parcel has not arrived yet'],
  ])('hears none in %s', (_, text) => {
    expect(wornOut(text)).toBeNull();
  });
});

describe('worn out after the bot’s answer', () => {
  it('is frustration beside time lost', () => {
    const decision = afterAnswer(
      "c'est à jour. j'ai redémarré. ça fait une heure que j'essaie, je suis crevée, je veux juste payer mes courses",
    );
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
  });

  it('is frustration beside the hour since when the visitor has been at it', () => {
    const decision = afterAnswer('nee. zelfde lege bestand. ik zit hier sinds half 8 aan en ik heb geen puf meer');
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
  });

  it('is frustration when the visitor gives up beside time lost', () => {
    const decision = afterAnswer("ok... j'abandonne. ça fait deux heures que j'essaie");
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
    const italian = afterAnswer('ok... ci rinuncio. ho perso tutto il pomeriggio e gli appunti non ci sono da nessuna parte');
    expect(italian).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
  });

  it.each([
    ['giving up with the answer found', 'laisse tomber, trouvé, ça a pris 2 heures mais ça marche'],
    ['giving up with waiting still ahead, Dutch', 'laat maar, ik wacht nog 2 dagen'],
    ['with nothing lost', 'ok merci, je suis crevée, je réessaie demain'],
    ['in a first message', null],
  ])('is no frustration %s', (_, text) => {
    const decision =
      text === null
        ? decideHandoff(
            conversation([visitor('je suis crevée après le déménagement, ça fait une semaine, quand arrive mon canapé ?')]),
            defaults,
          )
        : afterAnswer(text);
    expect(decision.escalate).toBe(false);
  });
});
