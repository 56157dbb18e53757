import type { QueueConfig } from '../../shared/config/queues';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { QueueMembers } from './QueueMembers';
import { useApp } from './app-context';

const TIMEOUT_PROBLEM = 'The offer timeout is a whole number of seconds from 5 to 600.';

export function QueueFields({ queue, index, removable }: { queue: QueueConfig; index: number; removable: boolean }) {
  const { settings } = useApp();
  const base = `queues.${index}`;
  const id = `queue-${index}`;
  const nameProps = useIssueProps(`${base}.name`);
  const timeoutProps = useIssueProps(`${base}.offerTimeoutSeconds`);
  const edit = (mutate: (q: QueueConfig) => void) =>
    settings.update((d) => {
      const q = d.queues[index];
      if (q) mutate(q);
    });

  function commitTimeout(text: string) {
    const seconds = Number(text.trim());
    const fine = /^\d+$/.test(text.trim()) && seconds >= 5 && seconds <= 600;
    settings.setFieldProblem(`${base}.offerTimeoutSeconds`, fine ? null : TIMEOUT_PROBLEM);
    if (fine)
      edit((q) => {
        q.offerTimeoutSeconds = seconds;
      });
  }

  function remove() {
    settings.setFieldProblem(`${base}.offerTimeoutSeconds`, null);
    settings.update((d) => void d.queues.splice(index, 1));
  }

  return (
    <fieldset class="queue">
      <legend>
        {queue.name} (<code>{queue.id}</code>)
      </legend>
      <FieldIssues path={base} exact />
      <div class="field inline">
        <label for={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={queue.name}
          {...nameProps}
          onChange={(e) =>
            edit((q) => {
              q.name = e.currentTarget.value;
            })
          }
        />
        <label for={`${id}-mode`}>Assignment</label>
        <select
          id={`${id}-mode`}
          value={queue.mode}
          onChange={(e) =>
            edit((q) => {
              q.mode = e.currentTarget.value as QueueConfig['mode'];
            })
          }
        >
          <option value="manual">Operators pick</option>
          <option value="automatic">Offered automatically</option>
        </select>
        <button type="button" disabled={!removable} onClick={remove}>
          Remove<span class="sr-only"> queue {queue.name}</span>
        </button>
        <FieldIssues path={`${base}.name`} />
        <FieldIssues path={`${base}.mode`} />
        <FieldIssues path={`${base}.id`} />
      </div>
      <div class="field inline">
        <label for={`${id}-timeout`}>Offer timeout (seconds)</label>
        <input
          id={`${id}-timeout`}
          type="number"
          min={5}
          max={600}
          step={1}
          class="narrow"
          defaultValue={String(queue.offerTimeoutSeconds)}
          {...timeoutProps}
          aria-describedby={[`${id}-timeout-hint`, timeoutProps['aria-describedby']].filter(Boolean).join(' ')}
          onChange={(e) => commitTimeout(e.currentTarget.value)}
        />
        <span id={`${id}-timeout-hint`} class="muted">
          {queue.mode === 'automatic'
            ? 'An offer not accepted in time goes to the next operator.'
            : 'Used only when offered automatically.'}
        </span>
        <FieldIssues path={`${base}.offerTimeoutSeconds`} />
      </div>
      <QueueMembers queue={queue} index={index} />
      <FieldIssues path={`${base}.hours`} />
    </fieldset>
  );
}
