import { useApp } from './app-context';

export function QueueFilter() {
  const { inbox, directory } = useApp();
  const selected = inbox.queue.value;
  const options = directory.queueOptions.value;
  // A filter chosen before the names arrived (or for a removed queue) must stay selectable.
  const known = selected === '' || options.some((q) => q.id === selected);
  return (
    <div class="field inline">
      <label for="queue-filter">Queue</label>
      <select id="queue-filter" value={selected} onChange={(e) => inbox.setQueue(e.currentTarget.value)}>
        <option value="">All queues</option>
        {options.map((q) => (
          <option key={q.id} value={q.id}>
            {q.name}
          </option>
        ))}
        {known ? null : <option value={selected}>{selected}</option>}
      </select>
    </div>
  );
}
