import * as z from 'zod/mini';
import { WidgetLocale } from '../visitor-messages';

/** A topic's label in other widget locales than its own `label`. */
export type TopicLabels = Partial<Record<WidgetLocale, string>>;

interface Labelled {
  id: string;
  label: string;
  labels?: TopicLabels;
}

/**
 * A topic's words for the visitor: one label (every site written before translations gave a plain
 * string, and still may), or one per widget locale ({ en: 'your warranty claim', es: 'tu garantía' }).
 */
export const localizableLabel = (text: z.ZodMiniString) => {
  const perLocale = z
    .partialRecord(WidgetLocale, text)
    .check(z.refine((labels) => Object.values(labels).some(Boolean), 'Give the label in at least one language.'));
  return { label: z.union([text, perLocale]), labels: z.optional(z.partialRecord(WidgetLocale, text)) };
};

/**
 * Stored as one `label` (English when given, else the first language given) plus `labels` for the
 * others: operators, the domain and the settings form read `label` as before, and editing it never
 * leaves a stale copy of the same language in `labels`.
 */
export function withOneLabel<T extends { label: string | TopicLabels; labels?: TopicLabels | undefined }>(
  topic: T,
): Omit<T, 'label' | 'labels'> & { label: string; labels?: TopicLabels } {
  const { label, labels, ...rest } = topic;
  if (typeof label === 'string') return { ...rest, label, ...(labels ? { labels } : {}) };
  const own = (label.en ? 'en' : (Object.keys(label) as WidgetLocale[]).find((l) => label[l])) ?? 'en';
  const others: TopicLabels = { ...labels, ...label };
  delete others[own];
  return { ...rest, label: label[own] ?? '', ...(Object.keys(others).length > 0 ? { labels: others } : {}) };
}

/**
 * The label a visitor in `locale` reads: the topic's own translation, else the built-in one while
 * the topic is a stored copy of a built-in topic with its label unchanged (sites saved before
 * translations existed hold such copies without `labels`), else its one label.
 */
export function labelIn(topic: Labelled, locale: WidgetLocale, builtIn: readonly Labelled[] = []): string {
  const own = topic.labels?.[locale];
  if (own) return own;
  const original = builtIn.find((b) => b.id === topic.id && b.label === topic.label);
  return original?.labels?.[locale] || topic.label;
}
