import { RETENTION_DAYS } from '../../shared/site-config';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

/** How long the site keeps resolved conversations and the personal data in them. */
export function RetentionForm() {
  const { settings } = useApp();
  const issueProps = useIssueProps('retention.resolvedDays');
  const c = settings.draft.value;
  if (!c) return null;
  return (
    <fieldset class="privacy-settings">
      <legend>Privacy</legend>
      <div class="field">
        <label for="retention-days">
          Delete resolved conversations after (days, {RETENTION_DAYS.min} to {RETENTION_DAYS.max})
        </label>
        <input
          id="retention-days"
          class="narrow"
          type="number"
          min={RETENTION_DAYS.min}
          max={RETENTION_DAYS.max}
          step={1}
          value={c.retention.resolvedDays}
          {...issueProps}
          onChange={(e) =>
            settings.update((d) => {
              d.retention.resolvedDays = e.currentTarget.valueAsNumber;
            })
          }
        />
        <FieldIssues path="retention.resolvedDays" />
        <p class="muted">
          Counted from a conversation's last activity. Its messages, callbacks and webhook deliveries go with it, and so does a visitor left
          with no conversation; the audit trail stays, without the visitor's words.
        </p>
      </div>
    </fieldset>
  );
}
