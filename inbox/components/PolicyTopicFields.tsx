import type { PolicyTopic } from '../../shared/config/triggers';
import type { Urgency } from '../../shared/entities';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';
import { toLines } from './settings-fields';

const urgencies: Urgency[] = ['low', 'normal', 'high', 'urgent'];

export function PolicyTopicFields({ topic, index }: { topic: PolicyTopic; index: number }) {
  const { settings, directory } = useApp();
  const base = `triggers.policy_topic.topics.${index}`;
  const id = `topic-${index}`;
  const queues = settings.draft.value?.queues ?? [];
  const edit = (mutate: (t: PolicyTopic) => void) =>
    settings.update((d) => {
      const t = d.triggers.policy_topic.topics[index];
      if (t) mutate(t);
    });
  const labelProps = useIssueProps(`${base}.label`);
  const keywordProps = useIssueProps(`${base}.keywords`);
  return (
    <fieldset class="topic">
      <legend>{topic.id}</legend>
      <FieldIssues path={base} exact />
      <div class="field">
        <label for={`${id}-label`}>Label shown to the visitor</label>
        <input
          id={`${id}-label`}
          type="text"
          value={topic.label}
          {...labelProps}
          onChange={(e) =>
            edit((t) => {
              t.label = e.currentTarget.value;
            })
          }
        />
        <FieldIssues path={`${base}.label`} />
      </div>
      <div class="field">
        <label for={`${id}-keywords`}>Keywords</label>
        <textarea
          id={`${id}-keywords`}
          rows={4}
          value={topic.keywords.join('\n')}
          {...keywordProps}
          onChange={(e) =>
            edit((t) => {
              t.keywords = toLines(e.currentTarget.value);
            })
          }
        />
        <FieldIssues path={`${base}.keywords`} />
      </div>
      <div class="field">
        <label for={`${id}-unless`}>Not when the same sentence has</label>
        <textarea
          id={`${id}-unless`}
          rows={2}
          value={topic.unless.join('\n')}
          onChange={(e) =>
            edit((t) => {
              t.unless = toLines(e.currentTarget.value);
            })
          }
        />
        <FieldIssues path={`${base}.unless`} />
      </div>
      <div class="field inline">
        <label for={`${id}-queue`}>Queue</label>
        <select
          id={`${id}-queue`}
          value={topic.queue}
          onChange={(e) =>
            edit((t) => {
              t.queue = e.currentTarget.value;
            })
          }
        >
          {queues.some((q) => q.id === topic.queue) ? null : <option value={topic.queue}>{directory.queueName(topic.queue)}</option>}
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <label for={`${id}-urgency`}>Urgency</label>
        <select
          id={`${id}-urgency`}
          value={topic.urgency}
          onChange={(e) =>
            edit((t) => {
              t.urgency = e.currentTarget.value as Urgency;
            })
          }
        >
          {urgencies.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => settings.update((d) => void d.triggers.policy_topic.topics.splice(index, 1))}>
          Remove<span class="sr-only"> topic {topic.id}</span>
        </button>
      </div>
      <FieldIssues path={`${base}.queue`} />
      <FieldIssues path={`${base}.urgency`} />
      <FieldIssues path={`${base}.id`} />
    </fieldset>
  );
}
