import { describe, expect, it } from 'vitest';
import type { TurnMeaning } from './meaning';
import { decideHandoff } from '.';
import { bot, conversation, defaults, siteWith, visitor } from './test-conversations';

// A reason the meaning only leans to (the head's probability past `lean.head`, its examples ahead of
// the rivals) counts with context beside it, never alone.

const leaningTo = (label: string, probability = 0.6): TurnMeaning => ({
  labels: {
    [label]: { score: 0.86, example: `an example of ${label}`, similarity: 0.87 },
    none: { score: 0.85, example: 'thanks, that was all', similarity: 0.86 },
  },
  restates: null,
  probabilities: { [label]: probability, none: 1 - probability },
});
const said = (text: string, meaning: TurnMeaning) => ({ ...visitor(text), meaning });
const answer = bot('Our parcels arrive in 3 to 5 working days.', { confidence: 0.8 });

describe('a request for a person the meaning leans to', () => {
  it('counts when the visitor writes again after the bot answered', () => {
    const decision = decideHandoff(
      conversation([
        visitor('where is my parcel'),
        answer,
        said('could somebody over there have a look at it', leaningTo('human_request')),
      ]),
      defaults,
    );
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'human_request' });
    expect(decision.triggers[0]?.evidence).toContain("after the bot's answer");
  });

  it('counts in the first message when it names someone and a way to reach them', () => {
    const text = 'could somebody from your billing team give me a ring about the last two invoices';
    const decision = decideHandoff(conversation([said(text, leaningTo('human_request'))]), defaults);
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'human_request' });
    expect(decision.triggers[0]?.evidence).toContain('asks to reach someone');
  });

  it('does not count in the first message, before the bot said anything', () => {
    const decision = decideHandoff(
      conversation([said('could somebody over there have a look at it', leaningTo('human_request'))]),
      defaults,
    );
    expect(decision.escalate).toBe(false);
  });

  it('does not count below the lean or when the rivals are ahead', () => {
    const weak = leaningTo('human_request', 0.4);
    const behind: TurnMeaning = {
      ...leaningTo('human_request'),
      labels: { ...leaningTo('human_request').labels, none: { score: 0.9, example: 'ok', similarity: 0.9 } },
    };
    for (const meaning of [weak, behind]) {
      const decision = decideHandoff(
        conversation([visitor('where is my parcel'), answer, said('could somebody have a look', meaning)]),
        defaults,
      );
      expect(decision.escalate).toBe(false);
    }
  });

  it('does not count when the visitor takes it back in the same message', () => {
    const decision = decideHandoff(
      conversation([
        visitor('where is my parcel'),
        answer,
        said('never mind, found it, somebody already rang', leaningTo('human_request')),
      ]),
      defaults,
    );
    expect(decision.escalate).toBe(false);
  });

  it('is off with lean null', () => {
    const site = siteWith({ triggers: { semantic: { lean: null } } });
    const decision = decideHandoff(
      conversation([visitor('where is my parcel'), answer, said('could somebody have a look', leaningTo('human_request'))]),
      site,
    );
    expect(decision.escalate).toBe(false);
  });
});

describe('frustration the meaning leans to', () => {
  it('counts beside shouting or "!!!"', () => {
    for (const text of ['TWELVE DAYS AND THE SAME ANSWER', 'twelve days and the same answer!!!']) {
      const decision = decideHandoff(conversation([said(text, leaningTo('frustration'))]), defaults);
      expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
      expect(decision.triggers[0]?.evidence).toMatch(/an example of frustration.*\+ (shouting|!!!)/);
    }
  });

  it('counts beside time lost or attempts counted, which alone is no frustration', () => {
    const text = 'al twee weken geen internet en geen monteur te bekennen';
    const decision = decideHandoff(conversation([said(text, leaningTo('frustration'))]), defaults);
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
    expect(decision.triggers[0]?.evidence).toContain('+ twee weken');
    expect(decideHandoff(conversation([said(text, leaningTo('frustration', 0.3))]), defaults).escalate).toBe(false);
  });

  it('counts beside one word in capitals, not beside a three-letter acronym', () => {
    const decision = decideHandoff(
      conversation([said('what is going on with your checkout. NOTHING loads', leaningTo('frustration'))]),
      defaults,
    );
    expect(decision.triggers[0]?.evidence).toContain('+ NOTHING');
    expect(
      decideHandoff(conversation([said('the PDF export gives me the old invoice', leaningTo('frustration'))]), defaults).escalate,
    ).toBe(false);
  });

  it('does not count beside "urgent" alone (a hurry), without a sign, or beside thanks', () => {
    for (const text of ['urgent: where do I print my boarding pass', 'the same answer as before', 'THANK YOU THIS WORKED!!!']) {
      expect(decideHandoff(conversation([said(text, leaningTo('frustration'))]), defaults).escalate).toBe(false);
    }
  });

  it("counts, despite thanks, after the bot's answer when the visitor already did or sent what the bot offers", () => {
    const text = 'Thanks for the link. It is the one I sent in my first message.';
    const decision = decideHandoff(conversation([visitor('my export is blank'), answer, said(text, leaningTo('frustration'))]), defaults);
    expect(decision).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
    expect(decision.triggers[0]?.evidence).toContain('+ my first message');
    expect(
      decideHandoff(
        conversation([visitor('my export is blank'), answer, said('already found it, thanks', leaningTo('frustration', 0.2))]),
        defaults,
      ).escalate,
    ).toBe(false);
  });

  it('does not count after the bot answered without a sign: unhappy with an answer is not yet a case for a person', () => {
    const decision = decideHandoff(
      conversation([visitor('where is my parcel'), answer, said('that is not what I asked', leaningTo('frustration'))]),
      defaults,
    );
    expect(decision.escalate).toBe(false);
  });

  it("outweighs thanks after the bot's answer only when it reads well ahead of the rivals", () => {
    const insisting: TurnMeaning = {
      ...leaningTo('frustration', 0.95),
      labels: { ...leaningTo('frustration').labels, frustration: { score: 0.9, example: 'we are going in circles', similarity: 0.9 } },
    };
    const text = 'Thanks for the link. That does not help me at all.';
    const after = decideHandoff(conversation([visitor('my export is blank'), answer, said(text, insisting)]), defaults);
    expect(after).toMatchObject({ escalate: true, primaryTrigger: 'frustration' });
    // The same words as the first message, or reading only just ahead of the rivals (0.90 against 0.895): thanks win.
    expect(decideHandoff(conversation([said(text, insisting)]), defaults).escalate).toBe(false);
    const close: TurnMeaning = {
      ...insisting,
      labels: { ...insisting.labels, none: { score: 0.895, example: 'ok thanks', similarity: 0.9 } },
    };
    expect(decideHandoff(conversation([visitor('my export is blank'), answer, said(text, close)]), defaults).escalate).toBe(false);
  });
});
