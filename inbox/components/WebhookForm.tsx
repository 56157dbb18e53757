import { OutgoingWebhookConfig } from '../../shared/site-config';
import { humanize } from '../../frontend-common/format';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { useApp } from './app-context';

type WebhookEvent = OutgoingWebhookConfig['events'][number];
const allEvents = OutgoingWebhookConfig.shape.events._zod.def.innerType._zod.def.element.options as readonly WebhookEvent[];

/** Where Baton posts handoff events, signed with the webhook signing secret (see below). */
export function WebhookForm() {
  const { settings } = useApp();
  const urlProps = useIssueProps('webhook.url');
  const hook = settings.draft.value?.webhook;
  if (!hook) return null;
  const toggle = (event: WebhookEvent, on: boolean) =>
    settings.update((d) => {
      d.webhook.events = allEvents.filter((e) => (e === event ? on : d.webhook.events.includes(e)));
    });
  return (
    <fieldset>
      <legend>Outgoing webhook</legend>
      <div class="field">
        <label for="webhook-url">Webhook URL</label>
        <input
          id="webhook-url"
          type="url"
          placeholder="https://hooks.example.com/baton"
          value={hook.url ?? ''}
          {...urlProps}
          aria-describedby={['webhook-url-hint', urlProps['aria-describedby']].filter(Boolean).join(' ')}
          onChange={(e) =>
            settings.update((d) => {
              d.webhook.url = e.currentTarget.value.trim() || null;
            })
          }
        />
        <span id="webhook-url-hint" class="muted">
          Leave empty to send nothing. The URL is a credential: only admins see it.
        </span>
        <FieldIssues path="webhook.url" />
      </div>
      <div class="field inline">
        <label for="webhook-format">Format</label>
        <select
          id="webhook-format"
          value={hook.format}
          onChange={(e) =>
            settings.update((d) => {
              d.webhook.format = e.currentTarget.value as OutgoingWebhookConfig['format'];
            })
          }
        >
          <option value="json">JSON (signed, for your own server)</option>
          <option value="slack">Slack incoming webhook</option>
        </select>
        <FieldIssues path="webhook.format" />
      </div>
      <fieldset class="plain">
        <legend>Send these events</legend>
        <div class="grid-checks">
          {allEvents.map((event) => (
            <label class="check" key={event}>
              <input type="checkbox" checked={hook.events.includes(event)} onChange={(e) => toggle(event, e.currentTarget.checked)} />
              {humanize(event)}
            </label>
          ))}
        </div>
        <FieldIssues path="webhook.events" />
      </fieldset>
      <FieldIssues path="webhook" exact />
    </fieldset>
  );
}
