import type { Actor } from '../../shared/audit';
import { formatTime, humanize } from '../../frontend-common/format';
import { useApp } from './app-context';

const actorName = (a: Actor) => (a.kind === 'operator' ? a.name : humanize(a.kind));

export function AuditTrail() {
  const { conversation } = useApp();
  const audit = conversation.detail.value?.audit ?? [];
  return (
    <section class="audit" aria-labelledby="audit-title">
      <h3 id="audit-title">Audit trail</h3>
      {audit.length === 0 ? <p class="muted">No handoff events yet.</p> : null}
      <ol>
        {audit.map((e) => (
          <li key={e.auditId}>
            <time dateTime={e.at}>{formatTime(e.at)}</time> · <strong>{humanize(e.action)}</strong> by {actorName(e.actor)}
            {e.from && e.to ? ` (${humanize(e.from)} → ${humanize(e.to)})` : ''}
            {e.reasons.length > 0 ? ` · because: ${e.reasons.map(humanize).join(', ')}` : ''}
            {e.evidence.length > 0 ? ` · “${e.evidence.join('”, “')}”` : ''}
            {e.note ? ` · note: ${e.note}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
