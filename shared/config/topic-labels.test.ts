import { describe, expect, it } from 'vitest';
import { SiteConfig, type SiteConfigInput } from '../site-config';
import { widgetLocales } from '../widget-locales';
import { labelIn } from './topic-labels';
import { defaultIntents, defaultPolicyTopics } from './triggers';

type TopicInput = Record<string, unknown>;
const topicsOf = (...topics: TopicInput[]) =>
  SiteConfig.parse({ triggers: { policy_topic: { topics } } } as SiteConfigInput).triggers.policy_topic.topics;
const warranty = (label: unknown, more: TopicInput = {}) => ({ id: 'warranty', label, keywords: ['warranty'], queue: 'general', ...more });

describe('a topic’s label', () => {
  it('gives every built-in topic and issue type a label in each widget locale', () => {
    for (const topic of [...defaultPolicyTopics, ...defaultIntents]) {
      for (const locale of widgetLocales) expect(labelIn(topic, locale), `${topic.id}.${locale}`).toBeTruthy();
      expect(new Set(widgetLocales.map((l) => labelIn(topic, l))).size, topic.id).toBe(widgetLocales.length);
    }
  });

  it('keeps a plain string label as the one label for every language', () => {
    const [topic] = topicsOf(warranty('your warranty claim'));
    expect(topic).toMatchObject({ label: 'your warranty claim' });
    expect(topic).not.toHaveProperty('labels');
    expect(labelIn(topic!, 'es')).toBe('your warranty claim');
  });

  it('stores per-locale labels as the English label plus the other languages', () => {
    const [topic] = topicsOf(warranty({ en: 'your warranty claim', es: 'tu garantía', de: 'Ihr Garantiefall' }));
    expect(topic).toMatchObject({ label: 'your warranty claim', labels: { es: 'tu garantía', de: 'Ihr Garantiefall' } });
    expect(topic!.labels).not.toHaveProperty('en');
    expect(['en', 'es', 'de', 'fr'].map((l) => labelIn(topic!, l as 'en'))).toEqual([
      'your warranty claim',
      'tu garantía',
      'Ihr Garantiefall',
      'your warranty claim',
    ]);
  });

  it('takes the first language given as the one label when there is no English one', () => {
    const [topic] = topicsOf(warranty({ es: 'tu garantía', pt: 'sua garantia' }));
    expect(topic).toMatchObject({ label: 'tu garantía', labels: { pt: 'sua garantia' } });
  });

  it('parses its own output to the same topic, so saved settings load unchanged', () => {
    const once = SiteConfig.parse({ triggers: { policy_topic: { topics: [warranty({ en: 'a', es: 'b' })] } } } as SiteConfigInput);
    expect(SiteConfig.parse(once)).toEqual(once);
    expect(SiteConfig.parse(SiteConfig.parse({}))).toEqual(SiteConfig.parse({}));
  });

  it('refuses a per-locale label with no language, naming the field', () => {
    const result = SiteConfig.safeParse({ triggers: { policy_topic: { topics: [warranty({})] } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('triggers.policy_topic.topics.0.label');
  });

  it('translates a stored copy of a built-in topic saved before translations, while its label is unchanged', () => {
    const refund = defaultPolicyTopics.find((t) => t.id === 'refund')!;
    const { labels: _none, ...storedCopy } = refund;
    expect(labelIn(storedCopy, 'es', defaultPolicyTopics)).toBe('tu reembolso');
    expect(labelIn({ ...storedCopy, label: 'your money back' }, 'es', defaultPolicyTopics)).toBe('your money back');
    expect(labelIn({ ...storedCopy, labels: { es: 'tu devolución de dinero' } }, 'es', defaultPolicyTopics)).toBe(
      'tu devolución de dinero',
    );
  });
});
