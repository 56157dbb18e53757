import { useApp } from './app-context';

export function QueueFilter() {
  const { inbox, directory } = useApp();
  const selected = inbox.queue.value;
  // On one site, its own queues; across sites, every queue name once.
  const site = inbox.site.value;
  const options = site ? (directory.queuesBySite.value[site] ?? []).map((q) => ({ id: q.id, name: q.name })) : directory.queueOptions.value;
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
