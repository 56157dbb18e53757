import type { HandoverRule } from '../../shared/config/routing';
import { TriggerId } from '../../shared/entities';
import { humanize } from '../../frontend-common/format';

/** The primary triggers a rule matches, as checkboxes folded under a summary of what is ticked. */
export function RuleTriggers({ rule, index, onChange }: { rule: HandoverRule; index: number; onChange: (triggers: TriggerId[]) => void }) {
  const ticked = rule.when.triggers ?? [];
  const toggle = (trigger: TriggerId, on: boolean) =>
    onChange(on ? TriggerId.options.filter((t) => t === trigger || ticked.includes(t)) : ticked.filter((t) => t !== trigger));
  return (
    <details class="rule-triggers">
      <summary>Primary trigger: {ticked.length === 0 ? 'any' : ticked.map(humanize).join(', ')}</summary>
      <fieldset>
        <legend class="sr-only">Primary trigger of rule {index + 1} is one of</legend>
        {TriggerId.options.map((t) => (
          <label class="check" key={t}>
            <input type="checkbox" checked={ticked.includes(t)} onChange={(e) => toggle(t, e.currentTarget.checked)} />
            {humanize(t)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
