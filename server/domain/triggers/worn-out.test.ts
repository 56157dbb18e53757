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

describe('tired or done choosing, calm, after the bot’s answer (review of 8f2d404)', () => {
  it.each([
    "I'm exhausted after a 3 hour hike, the boots were perfect.",
    'Estoy agotada después de una caminata de 3 horas, las botas fueron perfectas.',
    'Ich bin fix und fertig nach 3 Stunden Wandern, die Schuhe waren perfekt.',
    "I'm exhausted, been working 12 hours, just want to know if you deliver on Sunday",
    'Je n’en peux plus de ces 3 jours de canicule, vous avez des ventilateurs',
    'Farbe ist egal, Hauptsache in 3 Tagen da.',
    'Da igual el color, lo necesito en una semana.',
    'Non importa il colore, mi serve entro 2 giorni.',
    'Lo dejo en recepción, llega en 2 días, ¡gracias!',
    'Deixa estar, faço o pedido daqui a 2 dias',
    'Laat maar, ik bestel het over 2 weken wel',
    "Never mind the colour, I'll pick whatever arrives in 3 days",
    "I've been up since 8am but whatever, the coffee machine is awesome",
    'Egal, ich habe es schon probiert und es klappt prima',
    'Fa niente, ho già provato e va benissimo',
    "It doesn't matter anymore, I already tried it and it's great",
    "J'abandonne l'idée du rouge, je prends le bleu, j'ai hésité 2 jours",
    'Ich gebe auf mit dem Vergleichen, nehme beide, habe 2 Tage überlegt',
    'Mi arrendo, li prendo tutti e due, ci ho pensato per 2 giorni',
    "I'll cancel my gym membership instead, I tried 3 times to go this month. Sign me up!",
  ])('is no frustration: %j', (text) => {
    expect(afterAnswer(text).escalate).toBe(false);
  });
});
