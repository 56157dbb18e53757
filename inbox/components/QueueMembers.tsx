import type { QueueConfig } from '../../shared/config/queues';
import { withMember } from '../models/settings-edits';
import { FieldIssues } from './FieldIssues';
import { useApp } from './app-context';

/** Who works a queue, ticked by name; ids no operator of the site has stay listed so they can be removed. */
export function QueueMembers({ queue, index }: { queue: QueueConfig; index: number }) {
  const { settings } = useApp();
  const { operators, loadError } = settings.operators;
  const known = new Set(operators.value.map((o) => o.operatorId));
  const unknown = queue.members.filter((id) => !known.has(id));
  const hintId = `queue-${index}-members-hint`;
  const toggle = (operatorId: string, member: boolean) =>
    settings.update((d) => {
      const q = d.queues[index];
      if (q) q.members = withMember(q.members, operatorId, member);
    });
  const count = queue.members.length;
  return (
    <fieldset class="members" aria-describedby={hintId}>
      <legend>Members</legend>
      <p id={hintId} class="muted">
        {count === 0
          ? 'Nobody ticked: every operator of the site works this queue.'
          : `${count} ticked: only ${count === 1 ? 'this operator is' : 'these operators are'} offered and paged for this queue.`}
      </p>
      {loadError.value ? <p class="error">{loadError.value}</p> : null}
      <div class="grid-checks">
        {operators.value.map((o) => (
          <label class="check" key={o.operatorId}>
            <input
              type="checkbox"
              checked={queue.members.includes(o.operatorId)}
              onChange={(e) => toggle(o.operatorId, e.currentTarget.checked)}
            />
            {o.name}
          </label>
        ))}
        {unknown.map((id) => (
          <label class="check" key={id}>
            <input type="checkbox" checked onChange={(e) => toggle(id, e.currentTarget.checked)} />
            No operator of this site: <code>{id}</code>
          </label>
        ))}
      </div>
      <FieldIssues path={`queues.${index}.members`} />
    </fieldset>
  );
}
