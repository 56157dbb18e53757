import type { OperatorProfile } from '../../shared/http';
import type { FieldIssue } from '../api-errors';
import { formatTagList } from '../models/settings-edits';
import { issuesAt } from '../models/settings-rules';
import { useApp } from './app-context';

type Key = 'capacity' | 'languages' | 'skills';
const labels: Record<Key, string> = { capacity: 'Capacity', languages: 'Languages', skills: 'Skills' };

function Field({ id, name, value, issues }: { id: string; name: Key; value: string; issues: FieldIssue[] }) {
  const mine = issuesAt(issues, name);
  const issueId = `${id}-${name}-issues`;
  const common = {
    id: `${id}-${name}`,
    name,
    defaultValue: value,
    'aria-invalid': mine.length > 0 ? true : undefined,
    'aria-describedby': mine.length > 0 ? issueId : undefined,
  } as const;
  return (
    <div class="field">
      <label for={`${id}-${name}`}>{labels[name]}</label>
      {name === 'capacity' ? (
        <input type="number" class="narrow" min={1} max={50} step={1} {...common} />
      ) : (
        <input type="text" {...common} />
      )}
      {mine.length > 0 ? (
        <ul id={issueId} class="issues">
          {mine.map((i) => (
            <li key={`${i.path}:${i.message}`}>{i.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One operator's capacity, languages and skills; saved on its own, at once. */
export function OperatorFields({ operator }: { operator: OperatorProfile }) {
  const { settings, session } = useApp();
  const model = settings.operators;
  const outcome = model.outcomes.value[operator.operatorId];
  const issues = outcome?.issues ?? [];
  const saving = model.savingId.value !== null;
  const id = `operator-${operator.operatorId.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  const failed = issues.length > 0 || outcome?.message.startsWith('Not saved');
  return (
    <form
      class="operator"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const text = (key: Key) => String(data.get(key) ?? '');
        void model.save(operator.operatorId, { capacity: text('capacity'), languages: text('languages'), skills: text('skills') });
      }}
    >
      <fieldset>
        <legend>
          {operator.name}
          {operator.role === 'admin' ? ' (admin)' : ''}
        </legend>
        <div class="field-row">
          <Field id={id} name="capacity" value={String(operator.capacity)} issues={issues} />
          <Field id={id} name="languages" value={formatTagList(operator.languages)} issues={issues} />
          <Field id={id} name="skills" value={formatTagList(operator.skills)} issues={issues} />
          <button type="submit" disabled={saving}>
            Save<span class="sr-only"> {operator.name}</span>
          </button>
          {operator.operatorId === session.meId.value ? null : (
            <button
              type="button"
              class="danger"
              disabled={settings.team.busy.value}
              onClick={() => {
                if (
                  window.confirm(
                    `Remove ${operator.name} from this site? They are signed out at once and their conversations go back to the queue.`,
                  )
                ) {
                  void settings.team.remove(operator.operatorId, operator.name);
                }
              }}
            >
              Remove<span class="sr-only"> {operator.name}</span>
            </button>
          )}
        </div>
        <p role="status" class={failed ? 'error' : 'muted'}>
          {model.savingId.value === operator.operatorId ? 'Saving…' : outcome?.message}
        </p>
      </fieldset>
    </form>
  );
}
