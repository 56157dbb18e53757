import { type SavedSectionId, savedSections } from '../models/settings-sections';
import { useApp } from './app-context';

/** Where each part of the long Settings page starts; the targets are the sections' wrappers in SettingsPage. */
export const settingsSections = [...savedSections, ['json', 'JSON']] as const;

export type SettingsSectionId = (typeof settingsSections)[number][0];

/**
 * Jumps to a section and moves focus there (buttons, not links: the hash is the inbox's route).
 * Not sticky: a bar pinned over the page would cover the very fields it jumped to (axe target-size).
 */
export function SettingsNav() {
  const { settings } = useApp();
  const edited = settings.edited.value;
  function go(id: SettingsSectionId) {
    const target = document.getElementById(`settings-section-${id}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }
  return (
    <nav class="settings-nav" aria-label="Settings sections">
      <ul>
        {settingsSections.map(([id, label]) => (
          <li key={id}>
            <button type="button" class="link" onClick={() => go(id)}>
              {label}
              {edited.includes(id as SavedSectionId) ? <span class="edited-mark"> (unsaved)</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
