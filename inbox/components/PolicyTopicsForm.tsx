import { useSignal } from '@preact/signals';
import { PolicyTopicFields } from './PolicyTopicFields';
import { FieldIssues } from './FieldIssues';
import { useApp } from './app-context';

const TOPIC_ID = /^[a-z0-9_-]{1,40}$/;

export function PolicyTopicsForm() {
  const { settings } = useApp();
  const newId = useSignal('');
  const problem = useSignal<string | null>(null);
  const c = settings.draft.value;
  if (!c) return null;
  const topics = c.triggers.policy_topic.topics;

  function add() {
    const id = newId.peek().trim();
    if (!TOPIC_ID.test(id)) {
      problem.value = 'Use 1 to 40 lowercase letters, digits, - or _.';
      return;
    }
    if (topics.some((t) => t.id === id)) {
      problem.value = `A topic "${id}" already exists.`;
      return;
    }
    problem.value = null;
    newId.value = '';
    settings.update((d) =>
      d.triggers.policy_topic.topics.push({
        id,
        label: id.replace(/_/g, ' '),
        keywords: [id],
        unless: [],
        queue: d.defaultQueue,
        urgency: 'normal',
      }),
    );
  }

  return (
    <fieldset>
      <legend>Policy topics (always handed off)</legend>
      <p class="muted">Keywords match whole words; a trailing * matches any ending (refund* matches refunded). One phrase per line.</p>
      <FieldIssues path="triggers.policy_topic" exact />
      <FieldIssues path="triggers.policy_topic.topics" exact />
      {topics.map((topic, index) => (
        <PolicyTopicFields key={topic.id} topic={topic} index={index} />
      ))}
      <div class="inline-form">
        <label for="new-topic-id">New topic id</label>
        <input
          id="new-topic-id"
          type="text"
          value={newId.value}
          aria-invalid={problem.value ? true : undefined}
          aria-describedby={problem.value ? 'new-topic-problem' : undefined}
          onInput={(e) => (newId.value = e.currentTarget.value)}
        />
        <button type="button" onClick={add}>
          Add topic
        </button>
      </div>
      {problem.value ? (
        <p id="new-topic-problem" class="error">
          {problem.value}
        </p>
      ) : null}
    </fieldset>
  );
}
