import { describe, expect, it } from 'vitest';
import { defaultHandoverRules, type HandoverRule } from '../../shared/config/routing';
import { isRuleMatching, type RoutingInput, routeToQueue } from './routing';

const base: RoutingInput = { primaryTrigger: 'human_request', intent: 'general_question', tags: [], locale: 'en' };
const defaults = { defaultQueue: 'general' };

describe('routeToQueue with the default handover rules', () => {
  it.each<[string, Partial<RoutingInput>, string, string]>([
    ['a verified VIP, whatever the topic', { tags: ['vip'], intent: 'refund', primaryTrigger: 'policy_topic' }, 'vip', 'vip'],
    ['a named account', { tags: ['named-account'] }, 'vip', 'vip'],
    ['tags in another case', { tags: ['VIP'] }, 'vip', 'vip'],
    ['a high lifetime value with no tag', { primaryTrigger: 'customer_tag' }, 'vip', 'vip-customer-tag'],
    ['buying intent', { primaryTrigger: 'buying_intent', intent: 'sales' }, 'sales', 'sales-buying-intent'],
    ['a person asked for about pricing', { intent: 'sales' }, 'sales', 'sales'],
    ['an invoice question', { intent: 'billing' }, 'billing', 'billing'],
    ['a login problem', { intent: 'account' }, 'account', 'account'],
    ['something broken', { intent: 'technical', primaryTrigger: 'tool_failure' }, 'technical', 'technical'],
    [
      'a refund (the topic’s own queue)',
      { intent: 'refund', primaryTrigger: 'policy_topic', topicQueue: { topic: 'refund', queue: 'billing' } },
      'billing',
      'topic:refund',
    ],
    [
      'a legal threat',
      { intent: 'legal', primaryTrigger: 'policy_topic', topicQueue: { topic: 'legal', queue: 'general' } },
      'general',
      'topic:legal',
    ],
    ['anything else', {}, 'general', 'default'],
  ])('sends %s to the right queue', (_, input, queue, routingRule) => {
    expect(routeToQueue({ ...base, ...input }, defaultHandoverRules, defaults)).toEqual({ queue, routingRule });
  });

  it('lets a secondary buying signal leave a refund in billing: triggers match the primary only', () => {
    const input: RoutingInput = {
      ...base,
      primaryTrigger: 'policy_topic',
      intent: 'refund',
      topicQueue: { topic: 'refund', queue: 'billing' },
    };
    expect(routeToQueue(input, defaultHandoverRules, defaults).queue).toBe('billing');
  });
});

describe('routeToQueue with site rules', () => {
  const rules: HandoverRule[] = [
    { id: 'spanish', when: { languages: ['es'] }, queue: 'latam' },
    { id: 'pricing-page', when: { pageContains: '/pricing' }, queue: 'sales' },
    { id: 'angry-vip', when: { triggers: ['frustration'], tags: ['vip'] }, queue: 'vip' },
    { id: 'missing', when: { intents: ['refund'] }, queue: 'returns' },
  ];
  const known = { defaultQueue: 'general', knownQueues: ['general', 'latam', 'sales', 'vip', 'billing'] };

  it.each<[string, Partial<RoutingInput>, string, string]>([
    ['a regional locale by its language', { locale: 'es-MX' }, 'latam', 'spanish'],
    ['a language in another case', { locale: 'ES' }, 'latam', 'spanish'],
    ['a page by substring', { page: 'https://shop.example/pricing?x=1' }, 'sales', 'pricing-page'],
    ['only when every condition holds', { primaryTrigger: 'frustration', tags: ['vip'] }, 'vip', 'angry-vip'],
    ['not when one condition fails', { primaryTrigger: 'frustration', tags: [] }, 'general', 'default'],
    [
      'past a rule whose queue the site does not have',
      { intent: 'refund', topicQueue: { topic: 'refund', queue: 'billing' } },
      'billing',
      'topic:refund',
    ],
    ['to the default without a page', {}, 'general', 'default'],
  ])('routes %s', (_, input, queue, routingRule) => {
    expect(routeToQueue({ ...base, ...input }, rules, known)).toEqual({ queue, routingRule });
  });

  it('uses the first matching rule', () => {
    const both: RoutingInput = { ...base, locale: 'es', page: '/pricing' };
    expect(routeToQueue(both, rules, known).routingRule).toBe('spanish');
  });

  it('treats a rule without conditions as a catch-all', () => {
    expect(isRuleMatching({ id: 'all', when: {}, queue: 'general' }, base)).toBe(true);
  });

  it('never matches a trigger rule when nothing escalated', () => {
    expect(isRuleMatching({ id: 't', when: { triggers: ['human_request'] }, queue: 'x' }, { ...base, primaryTrigger: null })).toBe(false);
  });
});
