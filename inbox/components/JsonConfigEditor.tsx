import { unclaimedIssues } from '../models/settings-rules';
import { useApp } from './app-context';
import { claimedPaths } from './settings-fields';

/** The whole config as JSON: the advanced fallback, and the only editor for what has no form (the bot, inactivity limits…). */
export function JsonConfigEditor() {
  const { settings } = useApp();
  const others = unclaimedIssues(settings.issues.value, claimedPaths);
  const dirty = settings.jsonDirty.value;
  return (
    <fieldset>
      <legend>Advanced: whole configuration as JSON</legend>
      <details open={others.length > 0 || dirty}>
        <summary>Edit as JSON</summary>
        <div class="field">
          <label for="config-json">Configuration (JSON)</label>
          <textarea
            id="config-json"
            rows={18}
            spellcheck={false}
            class="mono"
            value={settings.json.value}
            aria-invalid={others.length > 0 ? true : undefined}
            aria-describedby={others.length > 0 ? 'config-json-issues' : undefined}
            onInput={(e) => settings.editJson(e.currentTarget.value)}
          />
        </div>
        {others.length > 0 ? (
          <ul id="config-json-issues" class="issues">
            {others.map((i) => (
              <li key={`${i.path}:${i.message}`}>
                <code>{i.path || '(whole configuration)'}</code> {i.message}
              </li>
            ))}
          </ul>
        ) : null}
        <div class="action-row">
          <button type="button" disabled={!dirty} onClick={() => settings.applyJson()}>
            Apply JSON
          </button>
          <button type="button" disabled={!dirty} onClick={() => settings.discardJson()}>
            Discard JSON edits
          </button>
        </div>
      </details>
    </fieldset>
  );
}
