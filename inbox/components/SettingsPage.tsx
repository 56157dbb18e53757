import type { ComponentChildren } from 'preact';
import { BotForm } from './BotForm';
import { BotPanel } from './BotPanel';
import { GeneralForm } from './GeneralForm';
import { KnowledgeBaseForm } from './KnowledgeBaseForm';
import { HandoverRulesForm } from './HandoverRulesForm';
import { HoursForm } from './HoursForm';
import { JsonConfigEditor } from './JsonConfigEditor';
import { MessagesForm } from './MessagesForm';
import { OperatorsPanel } from './OperatorsPanel';
import { PolicyTopicsForm } from './PolicyTopicsForm';
import { RetentionForm } from './RetentionForm';
import { TeachByExampleForm } from './TeachByExampleForm';
import { QueuesForm } from './QueuesForm';
import { SavedRepliesForm } from './SavedRepliesForm';
import { SettingsNav } from './SettingsNav';
import { SectionSaveBar } from './SectionSaveBar';
import { type SavedSectionId, savedSections } from '../models/settings-sections';
import { SettingsSaveBar } from './SettingsSaveBar';
import { SiteSecretPanel } from './SiteSecretPanel';
import { TriggerSwitches } from './TriggerSwitches';
import { WebhookForm } from './WebhookForm';
import { WidgetLookForm } from './WidgetLookForm';
import { useApp } from './app-context';

/**
 * A jump target of the section navigation (focusable so a keyboard user continues from there), and a
 * form of its own: Save (or Enter in a field) sends only this section's edits.
 */
function Section({ id, children }: { id: SavedSectionId; children: ComponentChildren }) {
  const { settings } = useApp();
  const label = savedSections.find(([s]) => s === id)?.[1] ?? id;
  return (
    <form
      id={`settings-section-${id}`}
      class={settings.edited.value.includes(id) ? 'settings-section edited' : 'settings-section'}
      tabIndex={-1}
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void settings.saveSection(id);
      }}
    >
      {children}
      <SectionSaveBar section={id} label={label} />
    </form>
  );
}

export function SettingsPage() {
  const { settings, directory } = useApp();
  const sites = directory.sites.value;
  const draft = settings.draft.value;
  const busy = settings.busy.value;
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Site settings</h2>
      <div class="field inline">
        <label for="settings-site">Site</label>
        <select id="settings-site" value={settings.siteId.value ?? ''} onChange={(e) => void settings.open(e.currentTarget.value)}>
          {settings.siteId.value ? null : <option value="">Choose a site</option>}
          {sites.map((s) => (
            <option key={s.siteId} value={s.siteId}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      {draft ? <SettingsNav /> : null}
      {busy === 'loading' ? <p class="muted">Loading settings…</p> : null}
      {draft ? (
        <div key={settings.revision.value} class="settings-form">
          <Section id="handoff">
            <GeneralForm />
          </Section>
          <Section id="triggers">
            <TriggerSwitches />
          </Section>
          <Section id="topics">
            <PolicyTopicsForm />
          </Section>
          <Section id="examples">
            <TeachByExampleForm />
          </Section>
          <Section id="queues">
            <QueuesForm />
          </Section>
          <Section id="rules">
            <HandoverRulesForm />
          </Section>
          <Section id="hours">
            <HoursForm />
          </Section>
          <Section id="bot">
            <BotForm />
          </Section>
          <Section id="knowledge">
            <KnowledgeBaseForm />
          </Section>
          <Section id="widget">
            <WidgetLookForm />
          </Section>
          <Section id="messages">
            <MessagesForm />
          </Section>
          <Section id="saved-replies">
            <SavedRepliesForm />
          </Section>
          <Section id="webhook">
            <WebhookForm />
          </Section>
          <Section id="retention">
            <RetentionForm />
          </Section>
          <form
            id="settings-section-json"
            class="settings-section"
            tabIndex={-1}
            noValidate
            aria-label="JSON"
            onSubmit={(e) => {
              e.preventDefault();
              void settings.save();
            }}
          >
            <JsonConfigEditor />
            <SettingsSaveBar />
          </form>
        </div>
      ) : (
        <p role="status" class="error">
          {busy ? '' : settings.message.value}
        </p>
      )}
      {settings.siteId.value && busy !== 'loading' ? (
        <>
          <OperatorsPanel />
          <BotPanel />
          <SiteSecretPanel kind="identity" />
          <SiteSecretPanel kind="webhook" />
        </>
      ) : null}
    </section>
  );
}
