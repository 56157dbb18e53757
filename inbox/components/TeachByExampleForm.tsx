import { useSignal } from '@preact/signals';
import { examplesByLabel, labelName, NEW_TOPIC, planTeaching, teachableReasons } from '../models/teach-rules';
import { FieldIssues } from './FieldIssues';
import { useApp } from './app-context';

/**
 * "Teach by example": sentences visitors write (in any language), each naming what it means. The
 * semantic layer compares every message with them by meaning; saved with the site settings.
 */
export function TeachByExampleForm() {
  const { settings } = useApp();
  const target = useSignal('');
  const sentences = useSignal('');
  const topicId = useSignal('');
  const topicLabel = useSignal('');
  const topicQueue = useSignal('');
  const problem = useSignal<{ field: string; message: string } | null>(null);
  const added = useSignal<string | null>(null);
  const c = settings.draft.value;
  if (!c) return null;
  const topics = c.triggers.policy_topic.topics;
  const groups = examplesByLabel(c);
  const isNew = target.value === NEW_TOPIC;
  const describedBy = (field: string) => (problem.value?.field === field ? 'teach-problem' : undefined);
  const invalid = (field: string) => (problem.value?.field === field ? true : undefined);

  function add() {
    const draft = settings.draft.peek();
    if (!draft) return;
    const plan = planTeaching(
      {
        target: target.peek(),
        sentences: sentences.peek(),
        newTopic: { id: topicId.peek(), label: topicLabel.peek(), queue: topicQueue.peek() },
      },
      draft,
    );
    if (!plan.ok) {
      problem.value = { field: plan.field, message: plan.message };
      added.value = null;
      return;
    }
    settings.update(plan.apply);
    const name = isNew ? topicId.peek().trim() : target.peek();
    problem.value = null;
    added.value = `Added ${plan.count} ${plan.count === 1 ? 'sentence' : 'sentences'} to ${labelName(name, settings.draft.peek() ?? draft)}. Save this section to apply them to the next message.`;
    sentences.value = '';
    if (isNew) {
      target.value = name;
      topicId.value = '';
      topicLabel.value = '';
    }
  }

  return (
    <fieldset id="teach-by-example">
      <legend>Teach by example</legend>
      <p class="muted">
        Write sentences the way visitors put them and say what they mean. Each message is compared with them by meaning, in any language,
        besides the keywords above; a topic needs no keywords when it has sentences here.
      </p>
      <FieldIssues path="triggers.semantic.examples" exact />
      <div class="field">
        <label for="teach-target">These sentences mean</label>
        <select
          id="teach-target"
          value={target.value}
          aria-invalid={invalid('target')}
          aria-describedby={describedBy('target')}
          onChange={(e) => (target.value = e.currentTarget.value)}
        >
          <option value="">Choose…</option>
          <optgroup label="Policy topics">
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label} ({t.id})
              </option>
            ))}
            <option value={NEW_TOPIC}>A new policy topic…</option>
          </optgroup>
          <optgroup label="Reasons">
            {teachableReasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      {isNew ? (
        <div class="field inline">
          <label for="teach-topic-id">New topic id</label>
          <input
            id="teach-topic-id"
            type="text"
            value={topicId.value}
            aria-invalid={invalid('topic-id')}
            aria-describedby={describedBy('topic-id')}
            onInput={(e) => (topicId.value = e.currentTarget.value)}
          />
          <label for="teach-topic-label">Label shown to the visitor</label>
          <input
            id="teach-topic-label"
            type="text"
            value={topicLabel.value}
            aria-invalid={invalid('topic-label')}
            aria-describedby={describedBy('topic-label')}
            onInput={(e) => (topicLabel.value = e.currentTarget.value)}
          />
          <label for="teach-topic-queue">Queue</label>
          <select
            id="teach-topic-queue"
            value={topicQueue.value || c.defaultQueue}
            onChange={(e) => (topicQueue.value = e.currentTarget.value)}
          >
            {c.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="field">
        <label for="teach-sentences">Example sentences (one per line)</label>
        <textarea
          id="teach-sentences"
          rows={4}
          value={sentences.value}
          aria-invalid={invalid('sentences')}
          aria-describedby={describedBy('sentences')}
          onInput={(e) => (sentences.value = e.currentTarget.value)}
        />
      </div>
      <div class="inline-form">
        <button type="button" onClick={add}>
          Add sentences
        </button>
      </div>
      {problem.value ? (
        <p id="teach-problem" class="error">
          {problem.value.message}
        </p>
      ) : null}
      <p class="muted" role="status">
        {added.value ?? ''}
      </p>
      {groups.length === 0 ? (
        <p class="muted">No example sentences yet.</p>
      ) : (
        groups.map((group) => (
          <section key={group.label} class="examples" aria-label={`Examples: ${labelName(group.label, c)}`}>
            <h3>{labelName(group.label, c)}</h3>
            <ul>
              {group.examples.map((example) => (
                <li key={`${example.index}:${example.text}`}>
                  <span>{example.text}</span>{' '}
                  <button
                    type="button"
                    aria-label={`Remove example: ${example.text}`}
                    onClick={() => settings.update((d) => void d.triggers.semantic.examples.splice(example.index, 1))}
                  >
                    Remove
                  </button>
                  <FieldIssues path={`triggers.semantic.examples.${example.index}`} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </fieldset>
  );
}
