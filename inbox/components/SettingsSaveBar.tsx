import { useApp } from './app-context';

/** The JSON editor's Save: the whole config over the version it was loaded at, or reload the latest settings after another admin saved first; says what became of the last save. */
export function SettingsSaveBar() {
  const { settings } = useApp();
  const busy = settings.busy.value;
  const conflict = settings.conflict.value;
  return (
    <div class="save-bar">
      <button type="submit" class="primary" disabled={busy !== null || conflict}>
        Save the whole config
      </button>
      {conflict ? (
        <button type="button" disabled={busy !== null} onClick={() => void settings.reloadLatest()}>
          Reload latest settings
        </button>
      ) : null}
      <p role="status" class={settings.issues.value.length > 0 || conflict ? 'error' : 'muted'}>
        {settings.message.value ?? (settings.dirty.value ? 'Unsaved changes.' : '')}
      </p>
    </div>
  );
}
