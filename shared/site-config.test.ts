import { describe, expect, it } from 'vitest';
import { defaultSiteConfig, SiteConfig, type SiteConfigInput } from './site-config';

const issuesOf = (input: SiteConfigInput) => {
  const result = SiteConfig.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

const queue = (id: string) => ({ id, name: id.toUpperCase() });

describe('SiteConfig queue references', () => {
  it('accepts the day-one defaults', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('reports a default queue that is not configured at the default queue field', () => {
    expect(issuesOf({ defaultQueue: 'support' })).toEqual([
      {
        path: 'defaultQueue',
        message: 'There is no queue "support"; pick one of general, billing, technical, account, sales, vip, or add a queue with that id.',
      },
    ]);
  });

  it('reports each handover rule aimed at a missing queue at that rule', () => {
    const rules = [
      { id: 'ok', when: { intents: ['billing'] }, queue: 'billing' },
      { id: 'typo', when: { intents: ['sales'] }, queue: 'sale' },
    ];
    expect(issuesOf({ handoverRules: rules }).map((i) => i.path)).toEqual(['handoverRules.1.queue']);
  });

  it('reports a policy topic routed to a missing queue at that topic', () => {
    const topics = defaultSiteConfig().triggers.policy_topic.topics;
    topics[2] = { ...topics[2]!, queue: 'disputes' };
    expect(issuesOf({ triggers: { policy_topic: { topics } } }).map((i) => i.path)).toEqual(['triggers.policy_topic.topics.2.queue']);
  });

  it('reports a repeated queue id at the repeat, not at the first one', () => {
    const queues = [queue('general'), queue('billing'), queue('general')];
    const found = issuesOf({ queues, handoverRules: [], triggers: { policy_topic: { topics: [] } } });
    expect(found).toEqual([{ path: 'queues.2.id', message: 'Another queue already has the id "general"; give each queue its own id.' }]);
  });

  it('reports every dangling reference when a referenced queue is removed', () => {
    const config = defaultSiteConfig();
    config.queues = config.queues.filter((q) => q.id !== 'billing');
    const paths = issuesOf(config).map((i) => i.path);
    expect(paths).toEqual([
      'handoverRules.4.queue',
      'triggers.policy_topic.topics.0.queue',
      'triggers.policy_topic.topics.1.queue',
      'triggers.policy_topic.topics.2.queue',
    ]);
  });

  it('lists unrelated field problems together with the reference problems', () => {
    const paths = issuesOf({ defaultQueue: 'nowhere', widget: { accentColor: 'blue' } }).map((i) => i.path);
    expect(paths.sort()).toEqual(['defaultQueue', 'widget.accentColor']);
  });

  it('does not pile reference problems on top of a malformed queue list', () => {
    const paths = issuesOf({ queues: [{ id: 'Not An Id', name: 'x' }], defaultQueue: 'elsewhere' }).map((i) => i.path);
    expect(paths).toEqual(['queues.0.id']);
  });

  it('reports a malformed block that holds queue references as itself, not as a crash', () => {
    expect(issuesOf({ triggers: 'none' as never }).map((i) => i.path)).toEqual(['triggers']);
    expect(issuesOf(null as never).map((i) => i.path)).toEqual(['']);
  });
});
