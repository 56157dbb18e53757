import type { InsightsModel } from '../../models/insights-model';
import { RatingBadge } from '../RatingBadge';

/** The conversations behind the figure last chosen; each opens in the inbox. */
export function DrillDownList({ model }: { model: InsightsModel }) {
  const drill = model.drill.value;
  if (!drill) return null;
  return (
    <section class="insights-drill" aria-labelledby="drill-title">
      <h3 id="drill-title">Conversations behind “{drill.label}”</h3>
      {drill.error ? <p class="error">{drill.error}</p> : null}
      {drill.conversations === null ? (
        <p role="status">Loading…</p>
      ) : drill.conversations.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {drill.conversations.map((c) => (
            <li key={`${c.conversationId}#${c.episode}`} data-conversation={c.conversationId}>
              <a href={`#/resolved/${encodeURIComponent(c.conversationId)}`}>{c.visitorName ?? c.conversationId}</a>
              <span class="muted">
                {' '}
                episode {c.episode}, {c.trigger}, {c.queue ?? 'no queue'}, {c.outcome ?? 'open'}, {new Date(c.startedAt).toLocaleString()}
              </span>{' '}
              <RatingBadge rating={c.rating} />
            </li>
          ))}
        </ul>
      )}
      {drill.more ? <p class="muted">The newest 100 are listed.</p> : null}
    </section>
  );
}
