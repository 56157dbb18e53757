import { describe, expect, it } from 'vitest';
import { decideHandoff } from '.';
import { findHypothetical } from './hypothetical';
import { defaults, saying } from './test-conversations';
import { normalizeText } from './text';

describe('a question about what would happen', () => {
  it.each([
    'Rein hypothetisch: wenn mein Konto gehackt würde, wie schnell könnt ihr es sperren?',
    'what happens if I get charged twice by mistake?',
    'stel dat mijn account gehackt wordt, wat doen jullie dan?',
    'che succede se mi addebitate due volte?',
    'Rein hypothetisch: wenn mein Konto gehackt würde, wie schnell könnt ihr es sperren? Frage nur, weil ich wechseln will.',
  ])('is no case: %j', (text) => {
    expect(findHypothetical(normalizeText(text))).not.toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(false);
  });

  it.each([
    'meine Zahlung wurde nicht angenommen und trotzdem zweimal abgebucht?',
    'my account was hacked, what do I do?',
    'My account was hacked. What if they already changed my email?',
    'In theory my refund for order 48213 should have arrived last week, where is it?',
  ])('leaves a case told as a question: %j', (text) => {
    expect(findHypothetical(normalizeText(text))).toBeNull();
    expect(decideHandoff(saying(text), defaults).escalate).toBe(true);
  });
});
