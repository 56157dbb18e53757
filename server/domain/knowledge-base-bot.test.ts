import { describe, expect, it } from 'vitest';
import { KnowledgeBaseBotConfig } from '../../shared/config/bot';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import { answerFromKnowledgeBase, contentTerms, processTerm } from './knowledge-base-bot';

const config = KnowledgeBaseBotConfig.parse({
  kind: 'knowledge_base',
  fallbackReply: 'Let me find someone who knows.',
  entries: [
    {
      id: 'returns',
      question: 'What is your returns policy?',
      answer: 'Return any item within 30 days for a full refund.',
      keywords: ['send back'],
    },
    { id: 'hours', question: 'What are your opening hours?', answer: 'We are open 9 to 5 on weekdays.', intent: 'opening_hours' },
    { id: 'password', question: 'How do I reset my password?', answer: 'Use the "Forgot password?" link on the sign-in page.' },
    {
      id: 'payment',
      question: 'Which payment methods do you accept?',
      answer: 'Cards, PayPal and bank transfer.',
      keywords: ['pay', 'credit card'],
    },
    { id: 'shipping', question: 'How long does shipping take?', answer: 'Two to five working days within the EU.', keywords: ['delivery'] },
    { id: 'legal', question: 'Can you give legal advice?', answer: "I can't help with legal questions.", outOfScope: true },
  ],
});

describe('processTerm', () => {
  it.each([
    ['Returns', 'return'],
    ['returning', 'return'],
    ['RETURNED', 'return'],
    ['Réturns', 'return'],
    ['the', null],
    ['48213', null],
  ])('turns %s into %s', (term, expected) => expect(processTerm(term)).toBe(expected));

  it('drops the pieces contractions leave behind', () => expect(contentTerms("I can't log in, don't know why")).toEqual(['log']));
});

describe('answerFromKnowledgeBase', () => {
  it("offers no person in its default fallback when the site hands nothing to people, in the visitor's language", () => {
    const defaults = KnowledgeBaseBotConfig.parse({ kind: 'knowledge_base', entries: config.entries });
    const withPeople = answerFromKnowledgeBase('zebra quantum violin', defaults, { locale: 'es' });
    const withoutPeople = answerFromKnowledgeBase('zebra quantum violin', defaults, { locale: 'es', handoffEnabled: false });
    expect(withPeople).toMatchObject({ fallback: true });
    expect(withPeople.reply).toContain('persona');
    expect(withoutPeople).toMatchObject({ fallback: true });
    expect(withoutPeople.reply).not.toContain('persona');
    expect(withoutPeople.reply).toMatch(/^No estoy seguro/);
    // A fallback the site wrote itself is its own to word.
    expect(answerFromKnowledgeBase('zebra quantum violin', config, { locale: 'en', handoffEnabled: false }).reply).toBe(
      'Let me find someone who knows.',
    );
  });

  it.each([
    ['How can I return my order?', 'returns'],
    ['I would like to send an item back', 'returns'],
    ['Returning something I bought', 'returns'],
    ['When are you open?', 'hours'],
    ['I forgot my password, how can I reset it?', 'password'],
    ['Can I pay by credit card?', 'payment'],
    ['How long will delivery take?', 'shipping'],
    ['how do I reset my pasword', 'password'],
  ])('matches the paraphrase "%s" to %s', (question, id) => {
    const answer = answerFromKnowledgeBase(question, config);
    expect(answer).toMatchObject({ matchedEntryId: id, fallback: false });
    expect(answer.confidence).toBeGreaterThanOrEqual(config.confidenceThreshold);
  });

  it('matches with diacritics and capitals the entries do not use', () => {
    expect(answerFromKnowledgeBase('RÉTURNS POLÎCY?', config)).toMatchObject({ matchedEntryId: 'returns', fallback: false });
  });

  it.each(['Can I bring my dog to the store?', 'What is the meaning of life?', '???', ''])(
    'falls back when nothing comes close: "%s"',
    (question) => {
      const answer = answerFromKnowledgeBase(question, config);
      expect(answer).toEqual({
        reply: 'Let me find someone who knows.',
        confidence: expect.any(Number),
        intent: null,
        fallback: true,
        matchedEntryId: null,
        outOfScope: false,
        heldBack: false,
        answerLocale: 'en',
      });
      expect(answer.confidence).toBeLessThan(config.confidenceThreshold / 2);
    },
  );

  it.each([['Do you sell gift cards?'], ['opening days for shipping']])(
    'holds back a near miss as its low-confidence answer, sending the fallback reply: "%s"',
    (question) => {
      const answer = answerFromKnowledgeBase(question, config);
      expect(answer).toMatchObject({ reply: 'Let me find someone who knows.', fallback: true, matchedEntryId: null, heldBack: true });
      expect(answer.confidence).toBeGreaterThanOrEqual(config.confidenceThreshold / 2);
      expect(answer.confidence).toBeLessThan(config.confidenceThreshold);
    },
  );

  it('is more confident the closer the question is to the entry', () => {
    const exact = answerFromKnowledgeBase('What is your returns policy?', config).confidence;
    const paraphrase = answerFromKnowledgeBase('How can I return my order?', config).confidence;
    const noisy = answerFromKnowledgeBase('I bought a lamp last month and would like to return it', config).confidence;
    const unrelated = answerFromKnowledgeBase('Can I bring my dog to the store?', config).confidence;
    expect(exact).toBe(1);
    expect(exact).toBeGreaterThan(paraphrase);
    expect(paraphrase).toBeGreaterThan(noisy);
    expect(noisy).toBeGreaterThan(unrelated);
  });

  it('is less confident when two entries fit equally well', () => {
    const clear = answerFromKnowledgeBase('reset password', config).confidence;
    const ambiguous = answerFromKnowledgeBase('password payment', config).confidence;
    expect(ambiguous).toBeLessThan(clear);
    expect(ambiguous).toBeLessThan(config.confidenceThreshold);
  });

  it('keeps every confidence within 0..1', () => {
    for (const q of ['returns returns returns policy policy', 'pay pay credit card card payment methods accept', 'x']) {
      const { confidence } = answerFromKnowledgeBase(q, config);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('reports the entry intent, or its id when it has none', () => {
    expect(answerFromKnowledgeBase('opening hours', config).intent).toBe('opening_hours');
    expect(answerFromKnowledgeBase('reset my password', config).intent).toBe('password');
  });

  it('answers an out-of-scope topic with what it cannot do, counted as a fallback', () => {
    expect(answerFromKnowledgeBase('I need legal advice', config)).toEqual({
      reply: "I can't help with legal questions.",
      confidence: expect.any(Number),
      intent: 'legal',
      fallback: true,
      matchedEntryId: 'legal',
      outOfScope: true,
      heldBack: false,
      answerLocale: 'en',
    });
  });

  it('respects the site threshold', () => {
    const strict = { ...config, confidenceThreshold: 0.99 };
    expect(answerFromKnowledgeBase('When are you open?', strict)).toMatchObject({ fallback: true, matchedEntryId: null });
  });

  it('falls back on an empty knowledge base', () => {
    expect(answerFromKnowledgeBase('opening hours', { ...config, entries: [] })).toMatchObject({ fallback: true, confidence: 0 });
  });
});

describe('demo knowledge base (Lumen Lamps)', () => {
  it.each([
    ['What are your opening hours?', 'opening_hours'],
    ['How long does delivery take to Germany?', 'shipping_times'],
    ['Where is my order 48213?', 'order_status'],
    ['I forgot my password', 'password_reset'],
    ['Can I send a lamp back?', 'returns_policy'],
    ['Do you take PayPal?', 'payment_methods'],
    ['Which bulb fits my lamp?', 'bulb_compatibility'],
  ])('answers "%s" confidently', (question, id) => {
    expect(answerFromKnowledgeBase(question, demoBotConfig)).toMatchObject({ matchedEntryId: id, fallback: false });
  });

  it('falls back on a question it cannot answer', () => {
    expect(answerFromKnowledgeBase('Do you have a discount code for students?', demoBotConfig)).toMatchObject({ fallback: true });
  });
});
