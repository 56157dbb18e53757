import type { TriggersConfig } from '../../shared/config/triggers';
import { humanize } from '../../frontend-common/format';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

type TriggerKey = { [K in keyof TriggersConfig]: TriggersConfig[K] extends { enabled: boolean } ? K : never }[keyof TriggersConfig];

const keys: TriggerKey[] = [
  'human_request',
  'low_confidence',
  'policy_topic',
  'customer_tag',
  'tool_failure',
  'buying_intent',
  'repeated_failure',
  'frustration',
  'out_of_scope',
];

export function TriggerSwitches() {
  const { settings } = useApp();
  const t = settings.draft.value?.triggers;
  const thresholdProps = useIssueProps('triggers.low_confidence.threshold');
  if (!t) return null;
  return (
    <fieldset>
      <legend>Triggers</legend>
      <div class="grid-checks">
        {keys.map((k) => (
          <div key={k}>
            <label class="check">
              <input
                type="checkbox"
                checked={t[k].enabled}
                onChange={(e) =>
                  settings.update((d) => {
                    d.triggers[k].enabled = e.currentTarget.checked;
                  })
                }
              />
              {humanize(k)}
            </label>
            <FieldIssues path={`triggers.${k}.enabled`} />
          </div>
        ))}
      </div>
      <div class="field">
        <label for="low-confidence-threshold">Low confidence threshold (0 to 1)</label>
        <input
          id="low-confidence-threshold"
          type="number"
          min={0}
          max={1}
          step={0.01}
          value={t.low_confidence.threshold}
          {...thresholdProps}
          onChange={(e) =>
            settings.update((d) => {
              d.triggers.low_confidence.threshold = e.currentTarget.valueAsNumber;
            })
          }
        />
        <FieldIssues path="triggers.low_confidence.threshold" />
      </div>
      <div class="field">
        <label for="low-confidence-mode">When confidence is low</label>
        <select
          id="low-confidence-mode"
          value={t.low_confidence.mode}
          onChange={(e) =>
            settings.update((d) => {
              d.triggers.low_confidence.mode = e.currentTarget.value as 'offer' | 'handoff';
            })
          }
        >
          <option value="handoff">Hand off</option>
          <option value="offer">Offer a person</option>
        </select>
        <FieldIssues path="triggers.low_confidence.mode" />
      </div>
    </fieldset>
  );
}
