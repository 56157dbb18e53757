import { describe, expect, it } from 'vitest';
import { resolveVisitorStrings } from '../../../shared/visitor-strings';
import { decideHandoff, replayConversation } from '.';
import { bot, conversation, defaults, fallback, saying, siteWith, visitor } from './test-conversations';
import type { TurnMeaning } from './meaning';

// Triggers read from how the bot answered (with the visitor's reply to it); visitor-signals.test.ts has the rest.

describe('tool failure', () => {
  it('hands off after the failing turn and never before', () => {
    const turns = [visitor('where is my order 99812?'), bot("Sorry, I couldn't look up your order.", { confidence: 0, toolError: true })];
    expect(replayConversation(conversation(turns), defaults)).toMatchObject({
      atTurn: 1,
      decision: { primaryTrigger: 'tool_failure', queue: 'general' },
    });
  });

  it('is not also read as low confidence', () => {
    const turns = [visitor('status?'), bot('Checking...', { confidence: 0, toolError: true })];
    expect(decideHandoff(conversation(turns), defaults).triggers.map((t) => t.trigger)).toEqual(['tool_failure']);
  });
});

describe('low confidence', () => {
  const unsure = [visitor('Can I use the app offline?'), bot('The app might work offline in some cases.', { confidence: 0.25 })];

  it.each([
    [0.32, true],
    [0.33, false],
    [0.35, false],
  ])('at confidence %s escalates: %s', (confidence, escalates) => {
    const turns = [visitor('Can I use the app offline?'), bot('Maybe.', { confidence })];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(escalates);
  });

  it('hands off by default', () => {
    expect(decideHandoff(conversation(unsure), defaults)).toMatchObject({
      escalate: true,
      primaryTrigger: 'low_confidence',
      urgency: 'low',
    });
  });

  it('in offer mode only offers a person', () => {
    const site = siteWith({ triggers: { low_confidence: { mode: 'offer' } } });
    const decision = decideHandoff(conversation(unsure), site);
    expect(decision).toMatchObject({ escalate: false, offerHuman: true, primaryTrigger: null });
    expect(decision.triggers.map((t) => t.trigger)).toEqual(['low_confidence']);
  });

  it('in offer mode withdraws the offer once the bot answers with confidence', () => {
    const site = siteWith({ triggers: { low_confidence: { mode: 'offer' } } });
    const later = [...unsure, visitor('and on Android?'), bot('Yes, offline mode works on Android.', { confidence: 0.95 })];
    expect(decideHandoff(conversation(later), site).offerHuman).toBe(false);
  });

  it('does not count a fallback as a low-confidence answer', () => {
    const turns = [
      visitor('what is the weather today?'),
      bot('I can only help with questions about our store.', { confidence: 0.15, fallback: true }),
    ];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('follows the site threshold', () => {
    const site = siteWith({ triggers: { low_confidence: { threshold: 0.6 } } });
    const turns = [visitor('can I pay by invoice?'), bot('I think invoices might be possible.', { confidence: 0.5 })];
    expect(decideHandoff(conversation(turns), site).escalate).toBe(true);
  });

  it('never counts an unsure reply to small talk or thanks', () => {
    for (const text of ['hi', 'thanks!', 'ok cool']) {
      expect(decideHandoff(conversation([visitor(text), bot('You are welcome!', { confidence: 0.2 })]), defaults).escalate).toBe(false);
    }
  });

  it('offers a person along with an unsure answer only when the reply does not offer one already', () => {
    const site = siteWith({ triggers: { low_confidence: { mode: 'offer' } } });
    const offering = [visitor('Can I use the app offline?'), bot('Maybe. Would you like to talk to a person?', { confidence: 0.2 })];
    expect(decideHandoff(conversation(offering), site)).toMatchObject({ escalate: false, offerHuman: false });
    const closed = siteWith({ handoffEnabled: false, triggers: { low_confidence: { mode: 'offer' } } });
    expect(decideHandoff(conversation(unsure), closed).offerHuman).toBe(false);
  });
});

describe('low confidence: an answer the bot held back (the built-in bot below its own threshold)', () => {
  const heldBack = (text = 'I am not sure I have the right answer to that.') =>
    bot(text, { confidence: 0.45, fallback: true, unsure: true });
  const askedOnce = [visitor('do you ship to Norway?'), heldBack()];

  it('hands off at once in handoff mode, whatever its score', () => {
    expect(decideHandoff(conversation(askedOnce), defaults)).toMatchObject({
      escalate: true,
      primaryTrigger: 'low_confidence',
      triggers: [{ trigger: 'low_confidence', evidence: 'held back an answer at confidence 0.45' }],
    });
  });

  it('offers a person in offer mode', () => {
    const site = siteWith({ triggers: { low_confidence: { mode: 'offer' } } });
    expect(decideHandoff(conversation(askedOnce), site)).toMatchObject({ escalate: false, offerHuman: true });
  });

  it('is only a fallback when the site turned low confidence off: two in a row bring in a person', () => {
    const site = siteWith({ triggers: { low_confidence: { enabled: false } } });
    expect(decideHandoff(conversation(askedOnce), site)).toMatchObject({ escalate: false, offerHuman: false, triggers: [] });
    const twice = [...askedOnce, visitor('and to Sweden?'), heldBack()];
    expect(decideHandoff(conversation(twice), site).primaryTrigger).toBe('repeated_failure');
  });
});

describe('low confidence: the offer of a person, in every widget language', () => {
  const site = siteWith({ triggers: { low_confidence: { mode: 'offer' } } });
  it.each([
    ['en', 'yes please'],
    ['es', 'sí, por favor'],
    ['fr', 'oui'],
    ['de', 'ja gerne'],
    ['pt', 'sim'],
  ] as const)('%s: a yes after the offer hands off as an ask', (locale, yes) => {
    const offered = bot(`Perhaps.\n\n${resolveVisitorStrings(locale).offerPerson}`, { confidence: 0.2 });
    const turns = [visitor('Can I use the app offline?'), offered, visitor(yes)];
    expect(decideHandoff(conversation(turns, { locale }), site)).toMatchObject({ escalate: true, primaryTrigger: 'human_request' });
  });
});

describe('repeated failure', () => {
  it('hands off after two fallbacks in a row', () => {
    const turns = [visitor('how do I connect my calendar?'), fallback(), visitor('connect google calendar integration'), fallback()];
    expect(replayConversation(conversation(turns), defaults)).toMatchObject({
      atTurn: 3,
      decision: { primaryTrigger: 'repeated_failure', queue: 'technical' },
    });
  });

  it('counts the visitor saying it still fails', () => {
    const turns = [
      visitor('my export is stuck at 99%'),
      bot('Try refreshing the page.', { confidence: 0.5 }),
      visitor('I did, still stuck'),
      fallback('Try clearing your cache.'),
      visitor('still stuck at 99%!'),
    ];
    expect(replayConversation(conversation(turns), defaults)).toMatchObject({
      atTurn: 4,
      decision: { primaryTrigger: 'repeated_failure' },
    });
  });

  it('counts the visitor asking the same thing again after answers that missed', () => {
    const turns = [
      visitor('how do I add a second admin user'),
      bot('Go to Settings.', { confidence: 0.6 }),
      visitor('how can I add another admin user?'),
      bot('Go to Settings > Team.', { confidence: 0.6 }),
      visitor('where do I add an admin user'),
      bot('Settings > Team > Invite.', { confidence: 0.6 }),
      visitor('add admin user how'),
    ];
    expect(replayConversation(conversation(turns), defaults)).toMatchObject({
      atTurn: 6,
      decision: { primaryTrigger: 'repeated_failure' },
    });
  });

  it('starts again when the visitor moves on', () => {
    const turns = [
      visitor('what is the weather?'),
      fallback(),
      visitor('ok never mind, bye'),
      bot('Bye!'),
      visitor('actually, do you sell gift cards?'),
      fallback(),
    ];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('follows the site counts', () => {
    const site = siteWith({ triggers: { repeated_failure: { fallbacksInARow: 3, failuresInARow: 5 } } });
    const turns = [visitor('how do I connect my calendar?'), fallback(), visitor('connect google calendar integration'), fallback()];
    expect(decideHandoff(conversation(turns), site).escalate).toBe(false);
  });
});

describe('out of scope', () => {
  it('hands off when the bot says it cannot do what was asked', () => {
    const turns = [
      visitor('Can you change the delivery address on my order?'),
      bot("I'm not able to make changes to orders.", { confidence: 0.8 }),
    ];
    expect(replayConversation(conversation(turns), defaults)).toMatchObject({
      atTurn: 1,
      decision: { primaryTrigger: 'out_of_scope', queue: 'general' },
    });
  });

  it('does not hand off when the bot declines an off-topic question', () => {
    const turns = [
      visitor('Can you recommend a good dentist near me?'),
      bot('I can only help with questions about our products.', { confidence: 0.2, fallback: true }),
      visitor('ok'),
    ];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('does not read a vague hedge as a refusal', () => {
    const turns = [visitor('Is my case special?'), bot('This might need review, it seems complex.', { confidence: 0.7 })];
    expect(decideHandoff(conversation(turns), defaults).escalate).toBe(false);
  });

  it('hands off on a topic from the site’s no-answer list', () => {
    const site = siteWith({ triggers: { out_of_scope: { noAnswerTopics: ['tax advice'] } } });
    expect(decideHandoff(saying('I need tax advice on my purchase'), site).primaryTrigger).toBe('out_of_scope');
  });
});

describe('the bot saying it cannot, by meaning', () => {
  const cannot: TurnMeaning = {
    labels: {
      bot_cannot: { score: 0.95, example: 'I cannot cancel your order from here.', similarity: 0.95 },
      none: { score: 0.5, example: 'Happy to help!', similarity: 0.5 },
    },
    restates: null,
  };
  const replying = (text: string) => ({ ...bot(text, { confidence: 0.9 }), meaning: cannot });

  it('counts a reply that says no', () => {
    const decision = decideHandoff(
      conversation([visitor('can you move my order to friday?'), replying('Sorry, I cannot move deliveries.')]),
      defaults,
    );
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'out_of_scope' });
  });

  it('does not count a reply that only confirms what it did, however close its meaning', () => {
    const decision = decideHandoff(
      conversation([visitor('wrong house number on order 70315, 14 should be 41'), replying('Done: order 70315 now goes to number 41.')]),
      defaults,
    );
    expect(decision.escalate).toBe(false);
  });

  it('counts a refusal after a brief request: "cancel my subscription" is no small talk', () => {
    const decision = decideHandoff(
      conversation([visitor('cancel my subscription'), replying('Sorry, subscriptions are handled by our billing desk.')]),
      defaults,
    );
    expect(decision.escalate).toBe(true);
  });

  it('does not count a reply to small talk', () => {
    const smallTalk: TurnMeaning = { labels: { smalltalk: { score: 0.95, example: 'how are you?', similarity: 0.95 } }, restates: null };
    const greeting = { ...visitor('hey, how are you doing today?'), meaning: smallTalk };
    const decision = decideHandoff(
      conversation([greeting, replying("Good question, I'm not quite sure! Can I help with your plan?")]),
      defaults,
    );
    expect(decision.escalate).toBe(false);
  });
});
