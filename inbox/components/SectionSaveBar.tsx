import type { SavedSectionId } from '../models/settings-sections';
import { useApp } from './app-context';

/** One section's Save, and what became of its last save; after a conflict, reloads just this section. */
export function SectionSaveBar({ section, label }: { section: SavedSectionId; label: string }) {
  const { settings } = useApp();
  const status = settings.sectionStatus.value[section];
  const edited = settings.edited.value.includes(section);
  const saving = settings.savingSection.value;
  const locked = saving !== null || settings.busy.value !== null;
  const text = status?.error ? status.text : edited ? 'Unsaved changes.' : (status?.text ?? '');
  return (
    <div class="save-bar">
      <button type="submit" class="primary" disabled={locked || status?.conflict === true}>
        {saving === section ? 'Saving…' : `Save ${label.toLowerCase()}`}
      </button>
      {status?.conflict ? (
        <button type="button" disabled={locked} onClick={() => void settings.reloadSection(section)}>
          Reload this section
        </button>
      ) : null}
      <p role="status" class={status?.error ? 'error' : 'muted'}>
        {text}
      </p>
    </div>
  );
}
