import { describe, expect, it } from 'vitest';
import { defaultSiteConfig, SiteConfig } from '../shared/site-config';
import { examplesByLabel, labelName, NEW_TOPIC, planTeaching } from './models/teach-rules';

const lamp = 'my lamp stopped working after 3 months, is it covered?';
const sentences = [
  lamp,
  'the lamp I bought broke after a few weeks, is that under warranty?',
  'my desk lamp no longer turns on, can I get it replaced?',
].join('\n');

describe('teaching by example', () => {
  it('creates a new policy topic without keywords together with its sentences, and the result is a valid site config', () => {
    const config = defaultSiteConfig();
    const plan = planTeaching(
      {
        target: NEW_TOPIC,
        sentences: `${sentences}\n\n  ${lamp}  `,
        newTopic: { id: 'warranty', label: 'your warranty', queue: 'general' },
      },
      config,
    );
    expect(plan).toMatchObject({ ok: true, count: 3 });
    if (!plan.ok) return;
    plan.apply(config);
    expect(config.triggers.policy_topic.topics.at(-1)).toEqual({
      id: 'warranty',
      label: 'your warranty',
      keywords: [],
      unless: [],
      queue: 'general',
      urgency: 'normal',
    });
    expect(config.triggers.semantic.examples.map((e) => [e.label, e.text])).toEqual(sentences.split('\n').map((t) => ['warranty', t]));
    expect(SiteConfig.safeParse(config).success).toBe(true);
    expect(examplesByLabel(config)).toEqual([
      { label: 'warranty', examples: [0, 1, 2].map((index) => ({ index, text: sentences.split('\n')[index] })) },
    ]);
    expect(labelName('warranty', config)).toBe('your warranty (warranty)');
  });

  it('adds sentences to an existing topic or reason, skipping those already listed', () => {
    const config = defaultSiteConfig();
    config.triggers.semantic.examples.push({ label: 'refund', text: 'I want my money back' });
    const plan = planTeaching({ target: 'refund', sentences: 'I want my money back\nGive me back what I paid' }, config);
    expect(plan).toMatchObject({ ok: true, count: 1 });
    expect(labelName('human_request', config)).toBe('Asks for a person');
  });

  it.each([
    [{ target: '', sentences: lamp }, 'target', 'Pick what these sentences mean.'],
    [{ target: 'refund', sentences: '  \n ' }, 'sentences', 'Write at least one example sentence, one per line.'],
    [{ target: 'refund', sentences: 'ok' }, 'sentences', '"ok" should be 3 to 300 characters long.'],
    [
      { target: NEW_TOPIC, sentences: lamp, newTopic: { id: 'Warranty!', label: 'x', queue: 'general' } },
      'topic-id',
      'Give the new topic an id of 1 to 40 lowercase letters, digits, - or _.',
    ],
    [
      { target: NEW_TOPIC, sentences: lamp, newTopic: { id: 'refund', label: 'x', queue: 'general' } },
      'topic-id',
      '"refund" is already taken; pick it from the list instead, or choose another id.',
    ],
    [
      { target: NEW_TOPIC, sentences: lamp, newTopic: { id: 'warranty', label: ' ', queue: 'general' } },
      'topic-label',
      'Give the new topic a label the visitor reads, such as "your warranty".',
    ],
  ])('refuses %j at the %s field with a message a person can act on', (request, field, message) => {
    expect(planTeaching(request, defaultSiteConfig())).toEqual({ ok: false, field, message });
  });

  it('refuses a save that removed the last sentence of a topic without keywords, at the topic', () => {
    const config = defaultSiteConfig();
    config.triggers.policy_topic.topics.push({
      id: 'warranty',
      label: 'your warranty',
      keywords: [],
      unless: [],
      queue: 'general',
      urgency: 'normal',
    });
    const issues = SiteConfig.safeParse(config).error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        `triggers.policy_topic.topics.${config.triggers.policy_topic.topics.length - 1}.keywords`,
        'The topic "warranty" has no keywords and no example sentences: add a keyword, or teach it by example.',
      ],
    ]);
  });
});

describe('example sentences checked on save', () => {
  it('say what is wrong in words an admin can act on', () => {
    const config = defaultSiteConfig();
    config.triggers.semantic.examples.push({ label: 'Refund!', text: 'ok' });
    const issues = (SiteConfig.safeParse(config).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['triggers.semantic.examples.0.label', 'Name a topic or reason id: 1 to 40 lowercase letters, digits, - or _.'],
      ['triggers.semantic.examples.0.text', 'An example sentence needs at least 3 characters.'],
    ]);
  });
});
