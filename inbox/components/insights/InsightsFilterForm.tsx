import { useEffect, useState } from 'preact/hooks';
import type { InsightsModel } from '../../models/insights-model';

const TRIGGERS = ['human_request', 'low_confidence', 'policy_topic', 'frustration', 'repeated_failure', 'high_value', 'barge_in'];

/** Date range, queue and trigger; the CSV link carries the same filters. */
export function InsightsFilterForm({ model, queues }: { model: InsightsModel; queues: string[] }) {
  const [draft, setDraft] = useState(model.filters.value);
  const { from, to } = model.filters.value;
  // The first answer names the default days (the site's last 30): show them once they are known.
  useEffect(() => setDraft((d) => (d.from && d.to ? d : { ...d, from, to })), [from, to]);
  const set = (k: keyof typeof draft) => (e: Event) => setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
  const csv = model.csvUrl();
  const queueChoices = [...new Set([...queues, ...(draft.queue ? [draft.queue] : [])])];
  return (
    <form
      class="insights-filters"
      onSubmit={(e) => {
        e.preventDefault();
        void model.apply(draft);
      }}
    >
      <label>
        From <input type="date" value={draft.from} onInput={set('from')} required />
      </label>
      <label>
        To <input type="date" value={draft.to} onInput={set('to')} required />
      </label>
      <label>
        Queue{' '}
        <select value={draft.queue} onChange={set('queue')}>
          <option value="">All queues</option>
          {queueChoices.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </select>
      </label>
      <label>
        Trigger{' '}
        <select value={draft.trigger} onChange={set('trigger')}>
          <option value="">All triggers</option>
          {TRIGGERS.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary">
        Show
      </button>
      {csv ? (
        <a href={csv} download>
          Download CSV
        </a>
      ) : null}
    </form>
  );
}
