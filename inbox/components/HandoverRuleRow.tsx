import type { HandoverRule } from '../../shared/config/routing';
import type { QueueConfig } from '../../shared/config/queues';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { RuleConditions } from './RuleConditions';
import { useApp } from './app-context';

export interface RuleRowProps {
  rule: HandoverRule;
  index: number;
  count: number;
  queues: readonly QueueConfig[];
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}

export function HandoverRuleRow({ rule, index, count, queues, onMove, onRemove }: RuleRowProps) {
  const { settings, directory } = useApp();
  const base = `handoverRules.${index}`;
  const id = `rule-${index}`;
  const n = index + 1;
  const idProps = useIssueProps(`${base}.id`);
  const queueProps = useIssueProps(`${base}.queue`);
  const edit = (mutate: (r: HandoverRule) => void) =>
    settings.update((d) => {
      const r = d.handoverRules[index];
      if (r) mutate(r);
    });
  return (
    <tr>
      <th scope="row">{n}</th>
      <td>
        <label class="sr-only" for={`${id}-id`}>
          Id of rule {n}
        </label>
        <input
          id={`${id}-id`}
          type="text"
          class="rule-id"
          value={rule.id}
          {...idProps}
          onChange={(e) =>
            edit((r) => {
              r.id = e.currentTarget.value.trim();
            })
          }
        />
        <FieldIssues path={`${base}.id`} />
        <FieldIssues path={base} exact />
      </td>
      <td>
        <RuleConditions rule={rule} index={index} edit={edit} />
      </td>
      <td>
        <label class="sr-only" for={`${id}-queue`}>
          Queue of rule {n}
        </label>
        <select
          id={`${id}-queue`}
          value={rule.queue}
          {...queueProps}
          onChange={(e) =>
            edit((r) => {
              r.queue = e.currentTarget.value;
            })
          }
        >
          {queues.some((q) => q.id === rule.queue) ? null : (
            <option value={rule.queue}>{directory.queueName(rule.queue)} (no such queue)</option>
          )}
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
        <FieldIssues path={`${base}.queue`} />
      </td>
      <td>
        <div class="action-row">
          <button type="button" id={`${id}-up`} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
            Move up
            <span class="sr-only">
              {' '}
              rule {n}, {rule.id}
            </span>
          </button>
          <button type="button" id={`${id}-down`} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
            Move down
            <span class="sr-only">
              {' '}
              rule {n}, {rule.id}
            </span>
          </button>
          <button type="button" id={`${id}-remove`} onClick={() => onRemove(index)}>
            Remove
            <span class="sr-only">
              {' '}
              rule {n}, {rule.id}
            </span>
          </button>
        </div>
      </td>
    </tr>
  );
}
