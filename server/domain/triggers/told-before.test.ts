import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { bot, conversation, defaults, visitor } from './test-conversations';
import { normalizeText } from './text';
import { findToldBefore } from './told-before';

const toldBefore = (text: string) => findToldBefore(normalizeText(text));
const afterAnswer = (text: string) =>
  decideHandoff(
    conversation([visitor('where is my order 5520193?'), bot('Your parcel is out for delivery and should arrive today.'), visitor(text)]),
    defaults,
  );

describe('an answer or a promise given before', () => {
  it.each([
    ["oh wonderful, 'soon'. that's what it said on the 3rd, the 9th and the 14th", "that's what it said"],
    ['Ja. Das stand da gestern auch. Und Montag.', 'das stand da gestern auch'],
    ["si grazie, questa risposta me l'avete già data martedì e poi giovedì", "questa risposta me l'avete gia data"],
    ['3 a 5 dias úteis?! foi exatamente o que me disseram há duas semanas.', 'foi exatamente o que me disseram'],
    ["c'est exactement ce qu'on m'a dit la semaine dernière", "c'est exactement ce qu'on m'a dit"],
    ['eso mismo me dijeron el lunes', 'eso mismo me dijeron'],
    ['ya. todo eso ya lo hice. ayer también me lo dijiste. y anteayer.', 'tambien me lo dijiste'],
    ["vous me l'avez déjà dit hier", "vous me l'avez deja dit"],
    ["me l'avete già detto tre volte", "me l'avete gia detto"],
    ['dat zeiden jullie vorige week ook', 'dat zeiden jullie vorige week ook'],
    ['KW 14?? Versprochen war KW 10, dann KW 12.', 'kw 10, dann kw 12'],
    ['Week 14. Vorige maand was het week 9, daarna week 11. Ik ga er maar van uit dat het een verrassing wordt', 'week 9, daarna week 11'],
    ['it was promised for Monday, then Thursday, and now this', 'monday, then thursday'],
    ['Ja, dat staat er dus al 9 dagen. Ik begin het bijna grappig te vinden.', 'dat staat er dus al '],
    ["it's been showing that for a week now", "it's been showing that for "],
    ['dice così da cinque giorni', 'dice cosi da '],
  ])('hears it in %j', (text, found) => {
    expect(toldBefore(text)).toBe(found);
  });

  it.each([
    ['a question', 'is that what you told me yesterday?'],
    ['only checking', "just to confirm, that's what you said last week, right."],
    ['plans of the visitor’s own', "I'm away in week 9, then week 11 works for me"],
    ['someone else saying it', 'my neighbour said the same, he got his parcel on Monday'],
    ['nothing said before', 'the parcel has not arrived yet'],
    ['praise for a job done, German', 'Das haben Sie auch gut gemacht'],
    ['a status asked about', 'dat staat er al, toch?'],
    ['what the site says now', "ok that's what the site says too"],
  ])('hears none in %s', (_, text) => {
    expect(toldBefore(text)).toBeNull();
  });
});

describe('told before, after the bot’s answer', () => {
  it.each([
    "oh wonderful, 'soon'. that's what it said on the 3rd, the 9th and the 14th",
    'Ja. Das stand da gestern auch. Und Montag. Und letzten Donnerstag.',
    '3 a 5 dias úteis?! foi exatamente o que me disseram há duas semanas. pronto, já percebi. obrigada na mesma.',
    "si grazie, questa risposta me l'avete già data martedì e poi giovedì. il frigo è ancora nel vostro magazzino",
  ])('is frustration: %j', (text) => {
    expect(afterAnswer(text)).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
  });

  it.each([
    ['with happy thanks', "perfect, that's what you said yesterday too, thanks so much!"],
    ['only checking', "just to confirm, that's what you told me yesterday. ok"],
    ['an acknowledgement with thanks, Spanish', 'sí, también me lo dijiste ayer, gracias'],
    ['thanks that open and thanks that close', "thanks, that's what you said yesterday too and it came, thank you!"],
  ])('is no frustration %s', (_, text) => {
    expect(afterAnswer(text).escalate).toBe(false);
  });

  it('is no frustration in a first message', () => {
    const first = decideHandoff(conversation([visitor("that's what the tracking said yesterday, when will it come?")]), defaults);
    expect(first.escalate).toBe(false);
  });
});

describe('agreement and calm status after the bot’s answer (review of 8f2d404)', () => {
  it.each([
    "That's what they told me at the store too, so I'll go with the blue one.",
    "Thanks! That's what the app said too, so all clear.",
    'Eso me dijeron en la tienda, perfecto, lo compro.',
    'También me lo dijo mi hermano, así que lo pediré.',
    "C'est ce qu'on m'a dit en magasin, parfait je commande.",
    'Foi o que me disseram na loja, ótimo, vou comprar.',
    'Das stand in der Anleitung auch so, passt.',
    'Es steht schon in meinem Warenkorb, ich bestelle gleich.',
    'Dat zei je ook al, prima',
    'Dat staat er al sinds gisteren, ik wacht gewoon rustig af.',
    "Me l'avete già detto, scusate, ora ho capito",
    'Mi avete già detto la stessa cosa, perfetto, procedo',
    "It's been showing that for a week, but I know it's just the holiday backlog, no stress.",
    'Lleva 2 días diciendo lo mismo, pero tranquilos',
    'Dice così da 2 giorni, ma nessuna fretta',
    'Mostra o mesmo desde ontem, mas sem pressa',
    'Ça affiche la même chose depuis hier, mais aucun souci',
    'Ich war Montag, dann Dienstag im Urlaub',
    'Ik was maandag, daarna dinsdag vrij',
    'El curso fue el lunes, luego el jueves hay otro, ¡qué ganas!',
  ])('is no frustration: %j', (text) => {
    expect(afterAnswer(text).escalate).toBe(false);
  });
});
