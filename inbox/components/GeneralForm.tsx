import { FieldIssues } from './FieldIssues';
import { useApp } from './app-context';

export function GeneralForm() {
  const { settings } = useApp();
  const c = settings.draft.value;
  if (!c) return null;
  return (
    <fieldset>
      <legend>Handoff</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={c.handoffEnabled}
          onChange={(e) =>
            settings.update((d) => {
              d.handoffEnabled = e.currentTarget.checked;
            })
          }
        />
        Hand conversations off to people
      </label>
      <FieldIssues path="handoffEnabled" />
      <label class="check">
        <input
          type="checkbox"
          checked={c.botAnswersWhileWaiting}
          onChange={(e) =>
            settings.update((d) => {
              d.botAnswersWhileWaiting = e.currentTarget.checked;
            })
          }
        />
        The bot keeps answering while the visitor waits for a person
      </label>
      <FieldIssues path="botAnswersWhileWaiting" />
      <label>
        Tone of suggested replies
        <select
          value={c.replyTone}
          onChange={(e) =>
            settings.update((d) => {
              d.replyTone = e.currentTarget.value === 'formal' ? 'formal' : 'friendly';
            })
          }
        >
          <option value="friendly">Friendly (“Hi Ana, thanks for waiting…”)</option>
          <option value="formal">Formal (“Hello Ana Silva, thank you for waiting…”)</option>
        </select>
      </label>
      <FieldIssues path="replyTone" />
      <label for="allowed-origins">
        Allowed origins: the pages that may run the widget, one per line (scheme and host, such as https://shop.example.com)
      </label>
      <textarea
        id="allowed-origins"
        rows={3}
        value={c.allowedOrigins.join('\n')}
        onChange={(e) =>
          settings.update((d) => {
            d.allowedOrigins = e.currentTarget.value
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean);
          })
        }
      />
      <p class="muted">A copy of the site key on any other page is refused; with none listed, no page can use the widget.</p>
      <FieldIssues path="allowedOrigins" />
    </fieldset>
  );
}
