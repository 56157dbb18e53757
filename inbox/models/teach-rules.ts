import type { SiteConfig } from '../../shared/site-config';

/** What an example sentence can teach besides the site's own policy topics. */
export const teachableReasons: readonly { id: string; name: string }[] = [
  { id: 'human_request', name: 'Asks for a person' },
  { id: 'buying_intent', name: 'Wants to buy (sales lead)' },
  { id: 'frustration', name: 'Frustrated' },
  { id: 'bot_cannot', name: 'The bot cannot help (what the bot says)' },
  { id: 'none', name: 'Must not hand off' },
];

/** The option of the topic picker that creates a policy topic with the sentences. */
export const NEW_TOPIC = '__new__';

const LABEL_ID = /^[a-z0-9_-]{1,40}$/;
const MAX_EXAMPLES = 500;

export interface TeachRequest {
  /** A policy topic id, a reason id, or NEW_TOPIC. */
  target: string;
  /** One sentence per line. */
  sentences: string;
  /** Only for NEW_TOPIC. */
  newTopic?: { id: string; label: string; queue: string };
}

export type TeachPlan =
  | { ok: true; apply(config: SiteConfig): void; count: number }
  | { ok: false; field: 'target' | 'topic-id' | 'topic-label' | 'sentences'; message: string };

/** Checks what the admin typed before it joins the draft, in words they can act on; the server checks again on save. */
export function planTeaching(request: TeachRequest, config: SiteConfig): TeachPlan {
  const sentences = [
    ...new Set(
      request.sentences
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const examples = config.triggers.semantic.examples;
  const topics = config.triggers.policy_topic.topics;
  let label = request.target;
  let topic: SiteConfig['triggers']['policy_topic']['topics'][number] | null = null;
  if (request.target === NEW_TOPIC) {
    const id = request.newTopic?.id.trim() ?? '';
    if (!LABEL_ID.test(id))
      return { ok: false, field: 'topic-id', message: 'Give the new topic an id of 1 to 40 lowercase letters, digits, - or _.' };
    if (topics.some((t) => t.id === id) || teachableReasons.some((r) => r.id === id)) {
      return { ok: false, field: 'topic-id', message: `"${id}" is already taken; pick it from the list instead, or choose another id.` };
    }
    const visitorLabel = request.newTopic?.label.trim() ?? '';
    if (visitorLabel === '')
      return { ok: false, field: 'topic-label', message: 'Give the new topic a label the visitor reads, such as "your warranty".' };
    if (visitorLabel.length > 80) return { ok: false, field: 'topic-label', message: 'Keep the label to 80 characters.' };
    label = id;
    topic = { id, label: visitorLabel, keywords: [], unless: [], queue: request.newTopic?.queue || config.defaultQueue, urgency: 'normal' };
  } else if (!topics.some((t) => t.id === label) && !teachableReasons.some((r) => r.id === label)) {
    return { ok: false, field: 'target', message: 'Pick what these sentences mean.' };
  }
  if (sentences.length === 0) return { ok: false, field: 'sentences', message: 'Write at least one example sentence, one per line.' };
  const bad = sentences.find((s) => s.length < 3 || s.length > 300);
  if (bad) return { ok: false, field: 'sentences', message: `"${bad.slice(0, 40)}" should be 3 to 300 characters long.` };
  const fresh = sentences.filter((text) => !examples.some((e) => e.label === label && e.text === text));
  if (fresh.length === 0) return { ok: false, field: 'sentences', message: 'These sentences are already listed for this topic.' };
  if (examples.length + fresh.length > MAX_EXAMPLES) {
    return { ok: false, field: 'sentences', message: `A site keeps at most ${MAX_EXAMPLES} example sentences; remove some first.` };
  }
  return {
    ok: true,
    count: fresh.length,
    apply(draft) {
      if (topic) draft.triggers.policy_topic.topics.push(topic);
      for (const text of fresh) draft.triggers.semantic.examples.push({ label, text });
    },
  };
}

/** The name an admin reads for an example's label: the topic's label, a reason's name, or the id itself. */
export function labelName(label: string, config: SiteConfig): string {
  const topic = config.triggers.policy_topic.topics.find((t) => t.id === label);
  if (topic) return `${topic.label} (${topic.id})`;
  return teachableReasons.find((r) => r.id === label)?.name ?? label;
}

/** The site's examples grouped by label, in the order labels first appear; each keeps its index in the list. */
export function examplesByLabel(config: SiteConfig): { label: string; examples: { index: number; text: string }[] }[] {
  const groups = new Map<string, { index: number; text: string }[]>();
  config.triggers.semantic.examples.forEach((e, index) => {
    const group = groups.get(e.label) ?? [];
    group.push({ index, text: e.text });
    groups.set(e.label, group);
  });
  return [...groups].map(([label, examples]) => ({ label, examples }));
}
