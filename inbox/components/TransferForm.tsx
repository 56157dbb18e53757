import type { Signal } from '@preact/signals';
import { useApp } from './app-context';

/** Targets are encoded as "queue:billing" / "operator:op_1" in one select. */
export function TransferForm({ note }: { note: Signal<string> }) {
  const { conversation, directory, session } = useApp();
  const c = conversation.summary.value;
  if (!c) return null;
  const allowed = conversation.allowed.value.transfer && conversation.busy.value === null;
  const queues = directory.queuesBySite.value[c.siteId] ?? directory.queueOptions.value;
  const operators = (directory.operatorsBySite.value[c.siteId] ?? []).filter((o) => o.operatorId !== session.meId.value);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const target = String(new FormData(event.currentTarget as HTMLFormElement).get('target') ?? '');
    const [kind, id] = [target.slice(0, target.indexOf(':')), target.slice(target.indexOf(':') + 1)];
    if (!id) return;
    await conversation.transfer(kind === 'operator' ? { operatorId: id } : { queue: id }, note.peek());
    if (!conversation.actionError.peek()) note.value = '';
  }

  return (
    <form class="inline-form" onSubmit={submit}>
      <label for="transfer-target">Transfer to</label>
      <select id="transfer-target" name="target" disabled={!allowed} required>
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
      <button type="submit" disabled={!allowed}>
        Transfer
      </button>
    </form>
  );
}
