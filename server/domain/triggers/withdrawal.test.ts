import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { isBotSelfTalk } from './bot-self-talk';
import { bot, conversation, defaults, visitor } from './test-conversations';
import { normalizeText } from './text';
import { findWithdrawal } from './withdrawal';

const withdraws = (text: string): string | null => findWithdrawal(normalizeText(text));

describe('findWithdrawal', () => {
  it.each([
    ['actually never mind, found it'],
    ['laat maar, mijn vriend vindt hem mooi. we houden hem'],
    ['pera... era a tomada 🤦 funcionou aqui. esquece'],
    ['ok lascia stare'],
    ['schade. egal'],
    ['ah ok tant pis'],
    ['vale, olvídalo'],
    ['hat sich erledigt, danke'],
  ])('hears "%s" take the request back', (text) => {
    expect(withdraws(text)).not.toBeNull();
  });

  it.each([
    ["I haven't found it anywhere, where is my parcel?"],
    ['egal was ich mache, es geht nicht'],
    ["j'ai oublié mon mot de passe"],
    ['non ho trovato il pacco'],
    ['das funktioniert doch nicht'],
    ['het werkt nu niet'],
    ['lo tengo aquí pero no enciende'],
    ['I want a refund for order 48213'],
  ])('hears no withdrawal in "%s"', (text) => {
    expect(withdraws(text)).toBeNull();
  });
});

describe('a withdrawn case', () => {
  it('drops a return still waiting for its order number', () => {
    const turns = [
      visitor('ik wil de lamp retourneren'),
      bot('Geen probleem, wat is je bestelnummer?', { confidence: 0.88 }),
      visitor('even zoeken...'),
      bot('Geen haast!', { confidence: 0.9 }),
      visitor('laat maar, mijn vriend vindt hem mooi in de woonkamer. we houden hem'),
      bot('Fijn! Laat het weten als je nog iets nodig hebt.', { confidence: 0.9 }),
    ];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('still hands over when the same message asks for a person', () => {
    const turns = [
      visitor('I want to return my order'),
      bot('Sure, what is the order number?'),
      visitor('never mind that, get me a human'),
    ];
    expect(decideHandoff(conversation(turns), defaults)).toMatchObject({ escalate: true, primaryTrigger: 'human_request' });
  });

  it('drops a request for a person taken back later', () => {
    const turns = [visitor('can I talk to a human?'), bot('Sure, one moment.'), visitor('oh wait, found it. never mind')];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });
});

describe('the bot talking about itself', () => {
  it.each([
    ["Ha, I'm just a bot, though our mascot is very real!"],
    ['Sono un bot, non mangio... ma non giudico 😄'],
    ['¡Soy un bot, así que todos los días son iguales!'],
    ["Je ne suis qu'un assistant, je n'ai pas d'avis"],
    ['Haha, als Bot habe ich keinen Feierabend!'],
    ['As an AI I never sleep, but thanks for asking!'],
    ["I'm Max, your virtual assistant 🙂"],
    ["Je suis Max, l'assistant virtuel 🙂"],
    ['Ich bin der digitale Assistent. Worum geht es denn?'],
    ['Ik ben een digitale assistent'],
    // A bot that laughs first or only says goodbye.
    ["Haha, je n'ai pas d'avis très arrêté là-dessus 👽 Je peux vous aider avec quelque chose ?"],
    ['Jaja, buena pregunta. ¿Te ayudo con tu pedido?'],
    ['Ciao, buona giornata! 👋'],
    ['Bye, have a lovely evening!'],
  ])('reads "%s" as small talk', (text) => {
    expect(isBotSelfTalk(text)).toBe(true);
  });

  it('is no low-confidence answer', () => {
    const turns = [
      visitor('are you a real cat in the logo lol'),
      bot("Ha, I'm just a bot, though our mascot is very real!", { confidence: 0.2 }),
    ];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('is no low-confidence answer to a visitor who opens laughing', () => {
    const turns = [visitor('kkkk vc é mt educado, tá de plantão hj?'), bot('Estou sempre por aqui 😄', { confidence: 0.2 })];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('leaves a real unsure answer to low confidence', () => {
    expect(isBotSelfTalk('I think the warranty might cover that, but I am not sure.')).toBe(false);
    expect(isBotSelfTalk('Come robot da cucina consiglio il modello Chef, ma non sono sicuro.')).toBe(false);
    expect(isBotSelfTalk("I'm sorry, the assistant cannot change orders once placed.")).toBe(false);
    expect(isBotSelfTalk("I'm not sure the AI feature covers that.")).toBe(false);
    expect(isBotSelfTalk('Ciao! La garanzia forse copre il danno, ma non ne sono sicuro?')).toBe(false);
    expect(isBotSelfTalk('Bye-bye fees are not something we charge, I think.')).toBe(false);
    expect(isBotSelfTalk('Ciao! Forse sì, non sono sicuro.')).toBe(false);
    expect(isBotSelfTalk('Dag! Misschien wel, dat weet ik niet zeker.')).toBe(false);
  });
});
