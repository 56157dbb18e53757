import { describe, expect, it } from 'vitest';
import { decideHandoff, replayConversation } from '.';
import { bot, conversation, defaults, fallback, visitor } from './test-conversations';

// replayConversation always folds from the start, so it is the uncached reference here.
const fresh = (turns: Parameters<typeof conversation>[0], who = {}) =>
  replayConversation(conversation(turns, who), { ...defaults, handoffEnabled: false }).decision;

describe('decideHandoff over a growing conversation (folded states reused)', () => {
  const turns = [
    visitor('hi, my lamp is broken'),
    bot('Sorry to hear that. Which lamp?'),
    visitor('the desk one, order 48213'),
    fallback(),
    visitor('the desk lamp from order 48213 is broken'),
    fallback(),
    visitor('this is useless, I want a refund'),
  ];
  const config = { ...defaults, handoffEnabled: false };

  it('decides each prefix as a replay from the start does', () => {
    for (let n = 1; n <= turns.length; n++)
      expect(decideHandoff(conversation(turns.slice(0, n)), config)).toEqual(fresh(turns.slice(0, n)));
  });

  it('never reuses a state across different earlier turns, visitors or facts', () => {
    decideHandoff(conversation(turns), config);
    const changed = [visitor('I want to talk to a person'), ...turns.slice(1)];
    expect(decideHandoff(conversation(changed), config)).toEqual(fresh(changed));
    expect(decideHandoff(conversation(changed), config).triggers.map((t) => t.trigger)).toContain('human_request');
    const vip = { verified: true, tags: ['vip'] };
    expect(decideHandoff(conversation(turns, vip), config)).toEqual(fresh(turns, vip));
    const withFacts = { ...conversation(turns), facts: { email: 'ana@example.com' } };
    expect(decideHandoff(withFacts, config).facts).toMatchObject({ email: 'ana@example.com' });
  });

  it('leaves the cached state untouched when a later call folds more turns into it', () => {
    const start = [visitor('hello, a question about my parcel'), bot('Sure, what is it?')];
    const short = decideHandoff(conversation(start), config);
    decideHandoff(conversation([...start, visitor('I want a refund, this is the third time!!!')]), config);
    expect(decideHandoff(conversation(start), config)).toEqual(short);
    expect(short).toEqual(fresh(start));
  });
});
