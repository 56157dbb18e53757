import { humanize } from '../../frontend-common/format';
import { evidenceText } from '../models/evidence-text';
import { CaseFacts } from './CaseFacts';
import { SuggestedReply } from './SuggestedReply';
import { useApp } from './app-context';

export function CasePackagePanel() {
  const { conversation, directory } = useApp();
  const pkg = conversation.detail.value?.casePackage;
  if (!pkg) {
    return (
      <section class="case" aria-labelledby="case-title">
        <h3 id="case-title">Case</h3>
        <p class="muted">No handoff yet: the bot has not escalated this conversation.</p>
      </section>
    );
  }
  return (
    <section class="case" aria-labelledby="case-title">
      <h3 id="case-title">Case</h3>
      <p class="summary">
        {pkg.summary[0]}
        <br />
        {pkg.summary[1]}
      </p>
      <p>
        <strong>Intent:</strong> {humanize(pkg.intent)}
        {pkg.intentCorrection ? ` (corrected from ${humanize(pkg.intentCorrection.from)} by ${pkg.intentCorrection.by})` : ''}
        {' · '}
        <strong>Urgency:</strong> {pkg.urgency} · <strong>Queue:</strong> {directory.queueName(pkg.queue)} (rule: {pkg.routingRule})
      </p>
      <h4>Why it was handed off</h4>
      <ul>
        {pkg.triggers.map((t) => (
          <li key={t.trigger}>
            <strong>{humanize(t.trigger)}</strong>: {evidenceText(t.evidence)}
          </li>
        ))}
      </ul>
      <h4>What the bot tried</h4>
      {pkg.botAttempts.length === 0 ? <p class="muted">The bot gave no answers.</p> : null}
      <ol>
        {pkg.botAttempts.map((a, i) => (
          <li key={i}>
            {a.text}
            <span class="muted">
              {a.confidence === null ? '' : ` (confidence ${Math.round(a.confidence * 100)}%)`}
              {a.fallback ? ' · fallback' : ''}
              {a.toolError ? ' · tool error' : ''}
            </span>
          </li>
        ))}
      </ol>
      <CaseFacts pkg={pkg} />
      <SuggestedReply pkg={pkg} />
    </section>
  );
}
