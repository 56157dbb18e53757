import { describe, expect, it } from 'vitest';
import { resolveVisitorStrings } from '../../shared/visitor-strings';
import { botReplyText, replyStepOf } from './bot-reply-text';

const de = resolveVisitorStrings('de');
const say = (key: 'bringingPerson' | 'fallbackBringingPerson' | 'offerPerson') => de[key];
const asking = "I'm not sure I have the right answer to that. Would you like to talk to a person from our team?";

describe('the step a bot reply takes', () => {
  it('hands over only when the decision escalates and the system can hand over now', () => {
    const inBot = { handsOver: true, awaitingPerson: false };
    expect(replyStepOf({ escalate: true, offerHuman: false }, inBot)).toBe('hand_over');
    expect(replyStepOf({ escalate: true, offerHuman: false }, { handsOver: false, awaitingPerson: false })).toBe('as_is');
    expect(replyStepOf({ escalate: false, offerHuman: true }, inBot)).toBe('offer');
    expect(replyStepOf({ escalate: false, offerHuman: false }, inBot)).toBe('as_is');
    expect(replyStepOf({ escalate: false, offerHuman: true }, { handsOver: false, awaitingPerson: true })).toBe('awaiting');
  });
});

describe('the text of a bot reply', () => {
  it('never asks whether to bring a person when one is being brought in: the fallback is replaced', () => {
    const text = botReplyText({ text: asking, fallback: true }, 'hand_over', say);
    expect(text).toBe('Ich bin mir bei der Antwort nicht sicher und hole deshalb eine Person aus unserem Team dazu.');
    expect(text).not.toContain('?');
  });

  it('keeps a real answer and says that a person is coming', () => {
    expect(botReplyText({ text: 'Returns are free within 30 days.', fallback: false }, 'hand_over', say)).toBe(
      'Returns are free within 30 days.\n\nIch hole eine Person aus unserem Team dazu.',
    );
  });

  it('asks in offer mode, where the visitor answers', () => {
    expect(botReplyText({ text: 'Perhaps.', fallback: false }, 'offer', say)).toBe('Perhaps.\n\nMöchten Sie mit einem Menschen sprechen?');
  });

  it('does not offer a person to a visitor already waiting for one', () => {
    expect(botReplyText({ text: asking, fallback: true }, 'awaiting', say)).not.toContain('?');
    expect(botReplyText({ text: 'We ship in 2 days.', fallback: false }, 'awaiting', say)).toBe('We ship in 2 days.');
  });

  it('leaves the reply alone otherwise', () => {
    expect(botReplyText({ text: asking, fallback: true }, 'as_is', say)).toBe(asking);
  });
});
