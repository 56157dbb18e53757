import { describe, expect, it } from 'vitest';
import { SiteConfig } from '../site-config';
import { TriggersConfig } from './triggers';

describe('TriggersConfig defaults', () => {
  const { triggers } = SiteConfig.parse({});

  it('turns on all nine triggers from day one', () => {
    const ids = [
      'human_request',
      'low_confidence',
      'policy_topic',
      'customer_tag',
      'tool_failure',
      'buying_intent',
      'repeated_failure',
      'frustration',
      'out_of_scope',
    ] as const;
    for (const id of ids) expect(triggers[id].enabled, id).toBe(true);
  });

  it('hands off below a confidence of 0.33', () => {
    expect(triggers.low_confidence).toMatchObject({ threshold: 0.33, mode: 'handoff' });
  });

  it('has the policy topics, each with a label for the visitor and a queue', () => {
    expect(triggers.policy_topic.topics.map((t) => [t.id, t.queue])).toEqual([
      ['refund', 'billing'],
      ['return', 'billing'],
      ['billing_dispute', 'billing'],
      ['complaint', 'general'],
      ['legal', 'general'],
      ['medical', 'general'],
      ['account_access', 'account'],
      ['data_deletion', 'account'],
    ]);
    for (const topic of triggers.policy_topic.topics) expect(topic.label).not.toBe('');
  });

  it('requires the order number for refunds and returns (guide, section 8)', () => {
    expect(triggers.requiredFacts).toEqual([{ topics: ['refund', 'return'], facts: ['orderNumber'], askAtMost: 2 }]);
  });

  it('keeps the defaults for what a site leaves out', () => {
    const partial = TriggersConfig.parse({ low_confidence: { mode: 'offer' }, frustration: { enabled: false } });
    expect(partial.low_confidence).toMatchObject({ mode: 'offer', threshold: 0.33, enabled: true });
    expect(partial.frustration.enabled).toBe(false);
    expect(partial.frustration.phrases.length).toBeGreaterThan(0);
  });

  it('gives every parse its own lists', () => {
    const a = TriggersConfig.parse({});
    a.customer_tag.tags.push('gold');
    expect(TriggersConfig.parse({}).customer_tag.tags).not.toContain('gold');
  });

  it('takes a topic without keywords when example sentences name it, and says what is missing otherwise', () => {
    const warranty = { id: 'warranty', label: 'your warranty', keywords: [], queue: 'general' };
    const taught = TriggersConfig.safeParse({
      policy_topic: { topics: [warranty] },
      semantic: { examples: [{ label: 'warranty', text: 'my lamp stopped working after 3 months, is it covered?' }] },
    });
    expect(taught.success).toBe(true);
    const untaught = TriggersConfig.safeParse({ policy_topic: { topics: [warranty] } });
    expect(untaught.error?.issues).toEqual([
      expect.objectContaining({
        path: ['policy_topic', 'topics', 0, 'keywords'],
        message: 'The topic "warranty" has no keywords and no example sentences: add a keyword, or teach it by example.',
      }),
    ]);
  });

  it.each([
    ['a threshold above 1', { low_confidence: { threshold: 1.5 } }],
    ['an unknown mode', { low_confidence: { mode: 'maybe' } }],
    ['a topic without keywords', { policy_topic: { topics: [{ id: 'x', label: 'x', keywords: [], queue: 'general' }] } }],
    ['a topic id with spaces', { policy_topic: { topics: [{ id: 'my topic', label: 'x', keywords: ['x'], queue: 'general' }] } }],
    ['an unknown required fact', { requiredFacts: [{ topics: ['refund'], facts: ['shoeSize'] }] }],
    ['a zero count', { repeated_failure: { fallbacksInARow: 0 } }],
  ])('refuses %s', (_, input) => {
    expect(TriggersConfig.safeParse(input).success).toBe(false);
  });
});
