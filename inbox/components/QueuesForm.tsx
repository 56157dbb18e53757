import { useSignal } from '@preact/signals';
import { QueueId } from '../../shared/config/queues';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { QueueFields } from './QueueFields';
import { useApp } from './app-context';

export function QueuesForm() {
  const { settings } = useApp();
  const newId = useSignal('');
  const newName = useSignal('');
  const problem = useSignal<string | null>(null);
  const defaultProps = useIssueProps('defaultQueue');
  const c = settings.draft.value;
  if (!c) return null;

  function add() {
    const id = newId.peek().trim();
    const name = newName.peek().trim() || id;
    if (!QueueId.safeParse(id).success) {
      problem.value = 'Queue ids use 1 to 32 lowercase letters, digits, - or _.';
      return;
    }
    if (c?.queues.some((q) => q.id === id)) {
      problem.value = `A queue "${id}" already exists.`;
      return;
    }
    problem.value = null;
    newId.value = newName.value = '';
    settings.update((d) => void d.queues.push({ id, name, mode: 'manual', offerTimeoutSeconds: 30, hours: null, members: [] }));
  }

  return (
    <fieldset>
      <legend>Queues</legend>
      <FieldIssues path="queues" exact />
      {c.queues.map((q, i) => (
        <QueueFields key={q.id} queue={q} index={i} removable={c.queues.length > 1} />
      ))}
      <div class="inline-form">
        <label for="new-queue-id">New queue id</label>
        <input
          id="new-queue-id"
          type="text"
          value={newId.value}
          aria-describedby={problem.value ? 'new-queue-problem' : undefined}
          onInput={(e) => (newId.value = e.currentTarget.value)}
        />
        <label for="new-queue-name">Name</label>
        <input id="new-queue-name" type="text" value={newName.value} onInput={(e) => (newName.value = e.currentTarget.value)} />
        <button type="button" onClick={add}>
          Add queue
        </button>
      </div>
      {problem.value ? (
        <p id="new-queue-problem" class="error">
          {problem.value}
        </p>
      ) : null}
      <div class="field inline">
        <label for="default-queue">Default queue</label>
        <select
          id="default-queue"
          value={c.defaultQueue}
          {...defaultProps}
          onChange={(e) =>
            settings.update((d) => {
              d.defaultQueue = e.currentTarget.value;
            })
          }
        >
          {/* A removed queue stays selected, and named, until the admin picks another. */}
          {c.queues.some((q) => q.id === c.defaultQueue) ? null : <option value={c.defaultQueue}>{c.defaultQueue} (no such queue)</option>}
          {c.queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <FieldIssues path="defaultQueue" />
      </div>
    </fieldset>
  );
}
