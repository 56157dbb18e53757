import { useApp } from './app-context';

/** The transfer dialog's target; encoded as "queue:billing" / "operator:op_1" in one select. */
export function TransferTarget() {
  const { conversation, directory, session } = useApp();
  const c = conversation.summary.value;
  if (!c) return null;
  const queues = directory.queuesBySite.value[c.siteId] ?? directory.queueOptions.value;
  const operators = (directory.operatorsBySite.value[c.siteId] ?? []).filter((o) => o.operatorId !== session.meId.value);
  return (
    <div class="field">
      <label for="transfer-target">Transfer to</label>
      {/* biome-ignore lint/a11y/noAutofocus: the dialog opens for this choice */}
      <select id="transfer-target" name="target" required autoFocus>
        <option value="">Choose a queue or person</option>
        <optgroup label="Queues">
          {queues.map((q) => (
            <option key={q.id} value={`queue:${q.id}`} disabled={q.id === c.queue && c.state === 'queued'}>
              {q.name}
            </option>
          ))}
        </optgroup>
        {operators.length > 0 ? (
          <optgroup label="Operators">
            {operators.map((o) => (
              <option key={o.operatorId} value={`operator:${o.operatorId}`}>
                {o.name} ({o.presence}
                {typeof o.active === 'number' ? `, ${o.active} of ${o.capacity}` : ''})
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}

/** "queue:billing" → { queue: 'billing' }; "operator:op_1" → { operatorId: 'op_1' }; null when nothing was chosen. */
export function transferTargetOf(value: string): { queue: string } | { operatorId: string } | null {
  const at = value.indexOf(':');
  const id = at < 0 ? '' : value.slice(at + 1);
  if (!id) return null;
  return value.slice(0, at) === 'operator' ? { operatorId: id } : { queue: id };
}
