import { describe, expect, it } from 'vitest';
import { CasePackage, type FiredTrigger } from '../../shared/case-package';
import type { TriggerId } from '../../shared/entities';
import { buildCasePackage, type CasePackageInput, correctIntent, refreshCasePackage } from './case-package';
import { decideHandoff } from './triggers';
import { SiteConfig } from '../../shared/site-config';
import { aDecision } from './handoff-decision.fixture';
import type { HandoffDecision, Turn } from './handoff-decision';

const NOW = '2025-03-14T09:30:00.000Z';

const decision = aDecision;

const visitor: CasePackageInput['visitor'] = {
  name: 'Ana Silva',
  email: null,
  verified: false,
  locale: 'en',
  timeZone: 'Europe/Lisbon',
  page: '/orders',
  referrer: null,
  tags: [],
  attributes: {},
};

const turns: Turn[] = [
  { from: 'visitor', text: 'My lamp arrived broken and I want my money back' },
  { from: 'bot', text: 'You can return any lamp within 30 days.', confidence: 0.62, intent: 'returns' },
  { from: 'visitor', text: 'talk to a person' },
];

const build = (over: Partial<CasePackageInput> = {}) =>
  buildCasePackage({ decision: decision(), turns, visitor, earlierConversations: 0, now: NOW, ...over });

const firing = (trigger: TriggerId, evidence = ''): Partial<HandoffDecision> => ({
  triggers: [{ trigger, evidence }],
  primaryTrigger: trigger,
});

describe('buildCasePackage', () => {
  it('produces a package that satisfies the shared schema', () => {
    const pkg = build({ decision: decision({ queue: 'billing', routingRule: 'refunds', urgency: 'high' }) });
    expect(CasePackage.parse(pkg)).toEqual(pkg);
    expect(pkg).toMatchObject({ queue: 'billing', routingRule: 'refunds', urgency: 'high', intentCorrection: null, updatedAt: NOW });
    expect(pkg.visitor).toEqual({ ...visitor, earlierConversations: 0 });
  });

  it.each<[string, Partial<HandoffDecision>, Partial<CasePackageInput>, string]>([
    [
      'a refund policy topic with the order number known',
      { ...firing('policy_topic', 'refund'), intent: 'refund', facts: { orderNumber: '48213' } },
      {},
      "Hi Ana, I'm sorry about order 48213 — I can help with the refund.",
    ],
    [
      'a human request',
      { intent: 'order_status', facts: { orderNumber: '48213' } },
      {},
      "Hi Ana, thanks for waiting — I'm here to help with tracking order 48213.",
    ],
    [
      'low confidence',
      { ...firing('low_confidence', '0.31'), intent: 'shipping' },
      {},
      "Hi Ana, sorry our assistant couldn't answer that — I can help with your delivery from here.",
    ],
    [
      'an out-of-scope topic',
      { ...firing('out_of_scope', 'legal advice'), intent: 'legal' },
      {},
      "Hi Ana, that's not something our assistant can answer, but I can help with your legal question.",
    ],
    [
      'repeated failure',
      firing('repeated_failure', '3 fallbacks'),
      {},
      "Hi Ana, sorry you had to ask more than once. I've read the conversation and can help with your question from here.",
    ],
    [
      'a tool failure',
      { ...firing('tool_failure', 'webhook timeout'), intent: 'order_status' },
      {},
      "Hi Ana, sorry, our system had trouble looking that up. I'll help with tracking your order myself.",
    ],
    [
      'frustration',
      { ...firing('frustration', 'THIRD TIME'), intent: 'technical' },
      {},
      "Hi Ana, I'm sorry this has been so frustrating. I've read everything you wrote and I'll help with the technical problem from here.",
    ],
    [
      'a customer tag',
      { ...firing('customer_tag', 'vip'), intent: 'billing' },
      {},
      "Hi Ana, thanks for getting in touch. I'll personally help with your billing question.",
    ],
    [
      'buying intent',
      { ...firing('buying_intent', 'enterprise plan'), intent: 'pricing' },
      {},
      "Hi Ana, thanks for your interest! I'd be glad to help with pricing and a quote.",
    ],
    [
      'an unknown visitor',
      {},
      { visitor: { ...visitor, name: null } },
      "Hi there, thanks for waiting — I'm here to help with your question.",
    ],
    [
      'a formal site',
      { ...firing('policy_topic', 'invoice'), intent: 'billing' },
      { tone: 'formal' },
      'Hello Ana Silva, I can help with your billing question.',
    ],
    [
      'an intent without a phrase of its own',
      { intent: 'gift_wrapping' },
      {},
      "Hi Ana, thanks for waiting — I'm here to help with your question about gift wrapping.",
    ],
    [
      "a site-defined topic, in the site's words",
      { intent: 'warranty', topic: 'your warranty claim' },
      {},
      "Hi Ana, thanks for waiting — I'm here to help with your warranty claim.",
    ],
    [
      'a return the engine detected',
      { ...firing('policy_topic', 'send it back'), intent: 'return' },
      {},
      "Hi Ana, I'm sorry about this — I can help with the return.",
    ],
  ])('suggests a first reply for %s', (_case, given, input, reply) => {
    expect(build({ decision: decision(given), ...input }).suggestedReply).toBe(reply);
  });

  it.each<[string, string[], Record<string, string>, string | null, string[], string]>([
    [
      'asks for exactly the missing facts',
      ['orderNumber', 'email'],
      {},
      null,
      ['orderNumber', 'email'],
      'your question. Could you share your order number and email address?',
    ],
    [
      'does not ask for a fact given later in the conversation',
      ['orderNumber', 'email'],
      { orderNumber: '48213' },
      null,
      ['email'],
      'your question for order 48213. Could you share your email address?',
    ],
    ['does not ask for an email the visitor card already shows', ['email'], {}, 'ana@example.com', [], 'your question.'],
    ['asks nothing when nothing is missing', [], {}, null, [], 'your question.'],
  ])('%s', (_case, missing, facts, email, stillMissing, ending) => {
    const pkg = build({ decision: decision({ missingFacts: missing }), facts, visitor: { ...visitor, email } });
    expect(pkg.missingFacts).toEqual(stillMissing);
    expect(pkg.flags.includes('missing_facts')).toBe(stillMissing.length > 0);
    expect(pkg.suggestedReply).toBe(`Hi Ana, thanks for waiting — I'm here to help with ${ending}`);
  });

  it('merges facts, the later-known ones winning over the decision', () => {
    const pkg = build({ decision: decision({ facts: { orderNumber: '1111', email: 'a@b.co' } }), facts: { orderNumber: '48213' } });
    expect(pkg.facts).toEqual({ orderNumber: '48213', email: 'a@b.co' });
  });

  it.each<[string, Partial<HandoffDecision>, Partial<CasePackageInput>, string[]]>([
    ['nothing special', {}, {}, []],
    ['urgent', { urgency: 'urgent' }, {}, ['urgent']],
    ['frustrated and urgent', { ...firing('frustration', 'still not working!!!'), urgency: 'high' }, {}, ['urgent', 'frustrated']],
    ['vip by trigger', firing('customer_tag', 'vip'), {}, ['vip']],
    ['vip by verified tag', {}, { visitor: { ...visitor, verified: true, tags: ['vip'] } }, ['vip']],
    ['an unverified vip tag counts for nothing', {}, { visitor: { ...visitor, tags: ['vip'] } }, []],
    ['legal by intent', { intent: 'legal' }, {}, ['legal']],
    ['legal by evidence', firing('policy_topic', 'my lawyer'), {}, ['legal']],
    ['tool error', {}, { turns: [{ from: 'bot', text: '', toolError: true }] }, ['tool_error']],
    [
      'repeated failure',
      {},
      {
        turns: [
          { from: 'bot', text: '?', fallback: true },
          { from: 'bot', text: '?', fallback: true },
        ],
      },
      ['repeated_failure'],
    ],
    ['missing facts', { missingFacts: ['orderNumber'] }, {}, ['missing_facts']],
    ['sales lead', firing('buying_intent', 'quote'), {}, ['sales_lead']],
    ['returning visitor', {}, { earlierConversations: 3 }, ['returning_visitor']],
  ])('flags %s', (_case, given, input, flags) => {
    expect(build({ decision: decision(given), ...input }).flags).toEqual(flags);
  });

  describe('summary', () => {
    it('says what the visitor wants in their own words, and what the bot tried and why it escalated', () => {
      const pkg = build({
        decision: decision({
          triggers: [
            { trigger: 'policy_topic', evidence: 'money back' },
            { trigger: 'human_request', evidence: 'talk to a person' },
          ],
          intent: 'refund',
          facts: { orderNumber: '48213' },
        }),
      });
      expect(pkg.summary).toEqual([
        'Ana Silva wants a refund (order 48213): "My lamp arrived broken and I want my money back"',
        'The bot answered once (confidence 0.62); escalated because the topic needs a person by policy ("money back") and the visitor asked for a person ("talk to a person").',
      ]);
    });

    it('counts fallbacks and tool errors, and says when the bot never answered', () => {
      const tried: Turn[] = [
        { from: 'visitor', text: 'Where is it?' },
        { from: 'bot', text: 'Not sure.', confidence: 0.2, fallback: true },
        { from: 'bot', text: 'Not sure.', confidence: 0.1, fallback: true },
        { from: 'bot', text: '', toolError: true },
      ];
      const triggers: FiredTrigger[] = [{ trigger: 'tool_failure', evidence: '' }];
      expect(build({ turns: tried, decision: decision({ triggers }) }).summary[1]).toBe(
        'The bot fell back twice and hit a tool error; escalated because a bot tool failed.',
      );
      expect(build({ turns: [{ from: 'visitor', text: 'agent' }] }).summary[1]).toMatch(/^The bot had not answered yet; /);
    });

    it('names what failed when a tool error carries its reason', () => {
      const failed: Turn[] = [
        { from: 'visitor', text: 'Where is order 99812?' },
        { from: 'bot', text: '', toolError: true, error: 'order lookup timed out after 5 s' },
        { from: 'bot', text: 'Sorry, I could not check that.', toolError: true, error: 'carrier API answered 503' },
      ];
      const decided = decideHandoff(
        { turns: failed, visitor: { verified: false, tags: [], attributes: {}, locale: 'en' } },
        SiteConfig.parse({}),
      );
      const pkg = build({ turns: failed, decision: decided });
      expect(pkg.triggers).toContainEqual({ trigger: 'tool_failure', evidence: 'tool error: order lookup timed out after 5 s' });
      expect(pkg.botAttempts.map((a) => a.text)).toEqual([
        'order lookup timed out after 5 s',
        'Sorry, I could not check that. (carrier API answered 503)',
      ]);
      expect(pkg.summary[1]).toContain('a bot tool failed ("tool error: order lookup timed out after 5 s")');
    });

    it('condenses a long message and names an unknown visitor neutrally', () => {
      const long = `I ordered the Nova floor lamp ${'and it has been a long story '.repeat(8)}so please help`;
      const [line] = build({ turns: [{ from: 'visitor', text: long }], visitor: { ...visitor, name: null } }).summary;
      expect(line).toMatch(/^The visitor wants an answer to a question: "I ordered the Nova floor lamp and it has been .*…"$/);
      expect(line.length).toBeLessThan(200);
    });
  });
});

describe('refreshCasePackage', () => {
  const base = () =>
    build({ decision: decision({ ...firing('policy_topic', 'refund'), intent: 'refund', missingFacts: ['orderNumber', 'email'] }) });

  it('takes facts the visitor gives after the handoff, and stops asking for them', () => {
    const pkg = refreshCasePackage(
      base(),
      { turns: [{ from: 'visitor', text: "It's 48213, email ana@example.com" }] },
      '2025-03-14T09:35:00.000Z',
    );
    expect(pkg.facts).toEqual({ orderNumber: '48213', email: 'ana@example.com' });
    expect(pkg.missingFacts).toEqual([]);
    expect(pkg.flags).not.toContain('missing_facts');
    expect(pkg.summary[0]).toBe('Ana Silva wants a refund (order 48213): "My lamp arrived broken and I want my money back"');
    expect(pkg.suggestedReply).toBe("Hi Ana, I'm sorry about order 48213 — I can help with the refund.");
    expect(pkg.updatedAt).toBe('2025-03-14T09:35:00.000Z');
  });

  it('takes facts handed over directly and appends new bot attempts', () => {
    const pkg = refreshCasePackage(
      base(),
      { facts: { email: 'ana@example.com' }, turns: [{ from: 'bot', text: 'A person is on the way.', confidence: 1 }] },
      NOW,
    );
    expect(pkg.missingFacts).toEqual(['orderNumber']);
    expect(pkg.suggestedReply).toMatch(/Could you share your order number\?$/);
    expect(pkg.botAttempts).toHaveLength(2);
    expect(pkg.summary[1]).toMatch(/^The bot answered twice \(confidence 0.62, 1.00\);/);
  });

  it('suggests one first reply per reason that fired, the main reason first', () => {
    const both = decision({
      triggers: [
        { trigger: 'frustration', evidence: 'THIRD TIME' },
        { trigger: 'tool_failure', evidence: 'timeout' },
        { trigger: 'frustration', evidence: 'again' },
      ],
      primaryTrigger: 'frustration',
      intent: 'order_status',
    });
    const pkg = build({ decision: both });
    expect(pkg.suggestedReplies.map((r) => r.trigger)).toEqual(['frustration', 'tool_failure']);
    expect(pkg.suggestedReply).toBe(pkg.suggestedReplies[0]!.text);
    expect(pkg.suggestedReplies[1]!.text).toBe(
      "Hi Ana, sorry, our system had trouble looking that up. I'll help with tracking your order myself.",
    );
  });

  it('writes in a formal voice for a formal site: full name, no contractions, no exclamations', () => {
    const pkg = build({ decision: decision({ ...firing('buying_intent', 'quote'), intent: 'pricing' }), tone: 'formal' });
    expect(pkg.replyTone).toBe('formal');
    expect(pkg.suggestedReply).toBe('Hello Ana Silva, thank you for your interest. I would be glad to help with pricing and a quote.');
  });

  it('keeps an operator correction, and the site tone', () => {
    const corrected = correctIntent(build({ tone: 'formal' }), 'complaint', 'op-7', NOW);
    const pkg = refreshCasePackage(corrected, { facts: { orderNumber: '9' } }, NOW);
    expect(pkg.intent).toBe('complaint');
    expect(pkg.intentCorrection).toEqual({ from: 'general_question', to: 'complaint', by: 'op-7', at: NOW });
    expect(pkg.suggestedReply).toMatch(/^Hello Ana Silva, /);
  });
});

describe('correctIntent', () => {
  const at = '2025-03-14T09:40:00.000Z';

  it('records who corrected what, and rewrites the summary and the suggested reply', () => {
    const pkg = correctIntent(build(), 'returns', 'op-1', at);
    expect(pkg.intentCorrection).toEqual({ from: 'general_question', to: 'returns', by: 'op-1', at });
    expect(pkg.summary[0]).toMatch(/^Ana Silva wants to return an order: "My lamp arrived broken/);
    expect(pkg.suggestedReply).toBe("Hi Ana, thanks for waiting — I'm here to help with the return.");
    expect(pkg.updatedAt).toBe(at);
  });

  it('keeps the engine detection as `from` across several corrections', () => {
    const twice = correctIntent(correctIntent(build(), 'returns', 'op-1', NOW), 'refund', 'op-2', at);
    expect(twice.intentCorrection).toEqual({ from: 'general_question', to: 'refund', by: 'op-2', at });
  });

  it('clears the correction when the operator goes back to the detected intent', () => {
    const back = correctIntent(correctIntent(build(), 'returns', 'op-1', NOW), 'general_question', 'op-1', at);
    expect(back.intentCorrection).toBeNull();
    expect(back.intent).toBe('general_question');
  });

  it('changes nothing when the intent is already the one given', () => {
    const pkg = build();
    expect(correctIntent(pkg, 'general_question', 'op-1', at)).toBe(pkg);
  });
});
