import { useEffect, useRef } from 'preact/hooks';
import { moved, newRuleId } from '../models/settings-edits';
import { FieldIssues } from './FieldIssues';
import { HandoverRuleRow } from './HandoverRuleRow';
import { useApp } from './app-context';

/** Which control to focus after the next render: a moved or removed row takes the keyboard user's place with it. */
function useFocusAfterRender() {
  const target = useRef<string[] | null>(null);
  useEffect(() => {
    const ids = target.current;
    target.current = null;
    const el = ids?.map((id) => document.getElementById(id)).find((e): e is HTMLElement => !!e && !(e as HTMLButtonElement).disabled);
    el?.focus();
  });
  return (...ids: string[]) => {
    target.current = ids;
  };
}

export function HandoverRulesForm() {
  const { settings } = useApp();
  const focusNext = useFocusAfterRender();
  const c = settings.draft.value;
  if (!c) return null;
  const rules = c.handoverRules;

  function move(from: number, to: number) {
    focusNext(`rule-${to}-${to < from ? 'up' : 'down'}`, `rule-${to}-${to < from ? 'down' : 'up'}`);
    settings.update((d) => {
      d.handoverRules = moved(d.handoverRules, from, to);
    });
  }
  function remove(index: number) {
    focusNext(`rule-${index}-remove`, `rule-${index - 1}-remove`, 'add-rule');
    settings.update((d) => void d.handoverRules.splice(index, 1));
  }
  function add() {
    focusNext(`rule-${rules.length}-id`);
    settings.update((d) => void d.handoverRules.push({ id: newRuleId(d.handoverRules), when: {}, queue: d.defaultQueue }));
  }

  return (
    <fieldset>
      <legend>Handover rules</legend>
      <p id="rules-hint" class="muted">
        Checked from the top; the first rule whose filled-in conditions all hold picks the queue. When none does, a policy topic's own queue
        applies, then the default queue. Lists are comma separated.
      </p>
      <FieldIssues path="handoverRules" exact />
      <table class="rules" aria-describedby="rules-hint">
        <caption class="sr-only">Handover rules, first match wins</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Rule id</th>
            <th scope="col" class="when-col">
              When
            </th>
            <th scope="col">Queue</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {/* Rows are keyed by position: keying by the editable id would rebuild a row, and lose focus, on each id edit. */}
          {rules.map((rule, index) => (
            <HandoverRuleRow key={index} rule={rule} index={index} count={rules.length} queues={c.queues} onMove={move} onRemove={remove} />
          ))}
        </tbody>
      </table>
      {rules.length === 0 ? <p class="muted">No rules: policy topics' queues, then the default queue, take every handoff.</p> : null}
      <button type="button" id="add-rule" onClick={add}>
        Add rule
      </button>
    </fieldset>
  );
}
