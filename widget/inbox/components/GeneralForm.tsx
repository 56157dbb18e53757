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
          onChange={(e) => settings.update((d) => { d.handoffEnabled = e.currentTarget.checked; })}
        />
        Hand conversations off to people
      </label>
      <FieldIssues path="handoffEnabled" />
      <label class="check">
        <input
          type="checkbox"
          checked={c.botAnswersWhileWaiting}
          onChange={(e) => settings.update((d) => { d.botAnswersWhileWaiting = e.currentTarget.checked; })}
        />
        The bot keeps answering while the visitor waits for a person
      </label>
      <FieldIssues path="botAnswersWhileWaiting" />
    </fieldset>
  );
}
