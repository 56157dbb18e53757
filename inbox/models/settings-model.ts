import { computed, signal } from '@preact/signals';
import { SiteConfig } from '../../shared/site-config';
import type { InboxApi } from '../api-client';
import type { FieldIssue } from '../api-errors';
import type { DirectoryModel } from './directory-model';
import { createTeamModel } from './team-model';
import { createOperatorProfilesModel } from './operator-profiles-model';
import { issuesAt, toFieldIssues } from './settings-rules';
import { createSiteSecretModel } from './site-secret-model';
import { createBotPanelModel } from './bot-panel-model';
import {
  editedSections,
  rebase,
  type SavedSectionId,
  savedSections,
  sectionChanges,
  sectionHoldsPath,
  sectionPaths,
  withPathsFrom,
} from './settings-sections';
import { sameValue } from '../../shared/config-paths';

const stringify = (config: SiteConfig) => JSON.stringify(config, null, 2);
const problems = (n: number) => `${n} marked problem${n === 1 ? '' : 's'}`;

export const CONFLICT_MESSAGE =
  'Not saved: someone else saved these settings after you opened them. Your edits are still on this page; ' +
  '“Reload latest settings” replaces them with the saved version, so note what you changed first.';
export const SECTION_CONFLICT_MESSAGE =
  'Not saved: someone else saved this section after you opened it. Your edits are still here; ' +
  '“Reload this section” replaces them with the saved version, so note what you changed first.';
const sectionLabel = (id: SavedSectionId) => savedSections.find(([s]) => s === id)?.[1] ?? id;
export const sectionSavedMessage = (id: SavedSectionId) => `${sectionLabel(id)} saved.`;
export const sectionReloadedMessage = (id: SavedSectionId) =>
  `Loaded the latest ${sectionLabel(id)} settings. Your edits to this section were not kept: make your change again, then save.`;

/** What became of a section's last save; `conflict`: someone else saved it first, so it must be reloaded. */
export type SectionStatus = { text: string; error: boolean; conflict?: boolean };

export const RELOADED_MESSAGE = 'Loaded the latest settings. Your unsaved edits were not kept: make your change again, then save.';

export function createSettingsModel(api: InboxApi, directory: Pick<DirectoryModel, 'setQueues'>) {
  const siteId = signal<string | null>(null);
  const draft = signal<SiteConfig | null>(null);
  /** The saved values the draft's edits were made from, path by path (sections still edited keep theirs). */
  const base = signal<SiteConfig | null>(null);
  const edited = computed(() => (base.value && draft.value ? editedSections(base.value, draft.value) : []));
  const sectionStatus = signal<Partial<Record<SavedSectionId, SectionStatus>>>({});
  const savingSection = signal<SavedSectionId | null>(null);
  /** The version the draft was loaded at; a save over any other version is refused. */
  const configVersion = signal<number | null>(null);
  /** Someone else saved since this draft was loaded: saving again cannot succeed until the admin reloads. */
  const conflict = signal(false);
  const json = signal('');
  const jsonDirty = signal(false);
  /** Some section is edited and not saved, or JSON is edited and not applied: leaving asks first. */
  const dirty = computed(() => edited.value.length > 0 || jsonDirty.value);
  /** From the last validation, here or on the server. */
  const validationIssues = signal<FieldIssue[]>([]);
  /** Text a form field could not turn into config, keyed by the field's path. */
  const fieldProblems = signal<Record<string, string>>({});
  const busy = signal<'loading' | 'saving' | null>(null);
  /** Bumped when the draft is replaced wholesale (load, applied JSON), so uncontrolled fields re-read it. */
  const revision = signal(0);
  const message = signal<string | null>(null);
  /** Saved on their own, not with the config: the site's operators and its signing secret. */
  const operators = createOperatorProfilesModel(api);
  const team = createTeamModel(
    api,
    () => siteId.peek(),
    (id) => void operators.load(id),
  );
  const secret = createSiteSecretModel(api, 'identity');
  const webhookSecret = createSiteSecretModel(api, 'webhook');
  const bot = createBotPanelModel(api);
  const issues = computed(() => [
    ...Object.entries(fieldProblems.value).map(([path, text]) => ({ path, message: text })),
    ...validationIssues.value,
  ]);
  let token = 0;

  function setDraft(config: SiteConfig) {
    draft.value = config;
    json.value = stringify(config);
    jsonDirty.value = false;
  }

  function fail(found: FieldIssue[], text: string) {
    validationIssues.value = found;
    message.value = text;
  }

  async function open(next: string) {
    const mine = ++token;
    siteId.value = next;
    draft.value = null;
    configVersion.value = null;
    conflict.value = false;
    busy.value = 'loading';
    message.value = null;
    validationIssues.value = [];
    fieldProblems.value = {};
    secret.reset(next);
    webhookSecret.reset(next);
    void bot.reset(next);
    // Queue member checklists name these operators, so they load beside the config.
    void operators.load(next);
    const result = await api.siteConfig(next);
    if (mine !== token) return false;
    busy.value = null;
    if (!result.ok) {
      fail([], `Could not load the settings: ${result.error.message}`);
      return false;
    }
    base.value = result.value.config;
    setDraft(result.value.config);
    configVersion.value = result.value.configVersion;
    sectionStatus.value = {};
    revision.value++;
    // Settings saved before a check existed still load; show what now needs fixing before a save.
    const checked = SiteConfig.safeParse(result.value.config);
    if (!checked.success) {
      const found = toFieldIssues(checked.error.issues);
      fail(found, `The saved settings have ${problems(found.length)}: fix before saving.`);
    }
    return true;
  }

  function setStatus(section: SavedSectionId, status: SectionStatus | null) {
    const { [section]: _, ...rest } = sectionStatus.peek();
    sectionStatus.value = status ? { ...rest, [section]: status } : rest;
  }

  /** The latest saved config arrived: `section` takes it, sections still edited keep their edits. */
  function takeLatest(latest: SiteConfig, version: number, section: SavedSectionId) {
    const before = draft.peek() as SiteConfig;
    const next = rebase(latest, base.peek() as SiteConfig, before, section);
    base.value = next.base;
    draft.value = next.draft;
    if (!jsonDirty.peek()) json.value = stringify(next.draft);
    configVersion.value = version;
    // Fields hold their own text; re-read them only if the saved values changed under them.
    const mine = sectionPaths(section, before, next.draft);
    if (!sameValue(withPathsFrom(before, next.draft, mine), next.draft)) revision.value++;
  }

  async function saveSection(section: SavedSectionId) {
    const id = siteId.peek();
    const current = draft.peek();
    const from = base.peek();
    if (!id || !current || !from || busy.peek() || savingSection.peek()) return;
    if (sectionStatus.peek()[section]?.conflict) return setStatus(section, { text: SECTION_CONFLICT_MESSAGE, error: true, conflict: true });
    const changes = sectionChanges(section, from, current);
    if (changes.length === 0) return setStatus(section, { text: 'Nothing to save: this section has no edits.', error: false });
    if (Object.keys(fieldProblems.peek()).some((path) => sectionHoldsPath(section, path, current))) {
      return setStatus(section, { text: 'Fix the marked fields, then save.', error: true });
    }
    // Checked as the server will: this section's edits over the saved values of every other section.
    const checked = SiteConfig.safeParse(
      withPathsFrom(
        from,
        current,
        changes.map((c) => c.path),
      ),
    );
    if (!checked.success) {
      const found = toFieldIssues(checked.error.issues);
      validationIssues.value = found;
      return setStatus(section, { text: `Fix the ${problems(found.length)}, then save.`, error: true });
    }
    const mine = token;
    savingSection.value = section;
    const result = await api.patchSiteConfig(id, changes);
    if (mine !== token) return;
    savingSection.value = null;
    if (!result.ok) {
      validationIssues.value = result.error.issues;
      if (result.error.code === 'version_conflict')
        return setStatus(section, { text: SECTION_CONFLICT_MESSAGE, error: true, conflict: true });
      const found = result.error.issues.length;
      return setStatus(section, {
        text: found > 0 ? `Not saved: fix the ${problems(found)}.` : `Not saved: ${result.error.message}`,
        error: true,
      });
    }
    takeLatest(result.value.config, result.value.configVersion, section);
    directory.setQueues(id, result.value.config.queues);
    validationIssues.value = validationIssues.peek().filter((issue) => !sectionHoldsPath(section, issue.path, result.value.config));
    setStatus(section, { text: sectionSavedMessage(section), error: false });
  }

  /** After a conflict: this section's saved values replace its edits; other sections keep theirs. */
  async function reloadSection(section: SavedSectionId) {
    const id = siteId.peek();
    if (!id || !draft.peek() || busy.peek() || savingSection.peek()) return;
    const mine = token;
    savingSection.value = section;
    const result = await api.siteConfig(id);
    if (mine !== token) return;
    savingSection.value = null;
    if (!result.ok)
      return setStatus(section, { text: `Could not load the latest settings: ${result.error.message}`, error: true, conflict: true });
    takeLatest(result.value.config, result.value.configVersion, section);
    revision.value++;
    validationIssues.value = [];
    setStatus(section, { text: sectionReloadedMessage(section), error: false });
  }

  return {
    siteId,
    draft,
    base,
    edited,
    sectionStatus,
    savingSection,
    configVersion,
    conflict,
    json,
    jsonDirty,
    dirty,
    issues,
    busy,
    message,
    revision,
    operators,
    team,
    secret,
    webhookSecret,
    bot,
    issuesAt: (prefix: string) => issuesAt(issues.value, prefix),
    open,
    /** After a conflict: the saved settings replace the draft, and the message says the edits are gone. */
    async reloadLatest() {
      const id = siteId.peek();
      if (!id || busy.peek()) return;
      if ((await open(id)) && message.peek() === null) message.value = RELOADED_MESSAGE;
    },
    update(mutate: (config: SiteConfig) => void) {
      const current = draft.peek();
      if (!current) return;
      const next = structuredClone(current);
      mutate(next);
      draft.value = next;
      if (!jsonDirty.peek()) json.value = stringify(next);
      message.value = null;
    },
    setFieldProblem(path: string, problem: string | null) {
      const { [path]: _, ...rest } = fieldProblems.peek();
      fieldProblems.value = problem ? { ...rest, [path]: problem } : rest;
    },
    editJson(text: string) {
      json.value = text;
      jsonDirty.value = true;
    },
    applyJson() {
      let raw: unknown;
      try {
        raw = JSON.parse(json.peek());
      } catch (error) {
        return fail([{ path: '', message: `Not valid JSON: ${(error as Error).message}` }], 'The JSON could not be read.');
      }
      const parsed = SiteConfig.safeParse(raw);
      if (!parsed.success) return fail(toFieldIssues(parsed.error.issues), 'The JSON has problems; see the list below it.');
      setDraft(parsed.data);
      revision.value++;
      fail([], 'JSON applied. Save the whole config, or save each section marked as edited.');
    },
    discardJson() {
      const current = draft.peek();
      if (current) setDraft(current);
    },
    async save() {
      const id = siteId.peek();
      const current = draft.peek();
      const version = configVersion.peek();
      if (!id || !current || version === null || busy.peek()) return;
      if (conflict.peek()) return fail([], CONFLICT_MESSAGE);
      if (jsonDirty.peek()) return fail(validationIssues.peek(), 'Apply or discard your JSON edits first.');
      if (Object.keys(fieldProblems.peek()).length > 0) return fail([], 'Fix the marked fields, then save.');
      const checked = SiteConfig.safeParse(current);
      if (!checked.success) {
        const found = toFieldIssues(checked.error.issues);
        return fail(found, `Fix the ${problems(found.length)}, then save.`);
      }
      const mine = token;
      busy.value = 'saving';
      const result = await api.saveSiteConfig(id, checked.data, version);
      if (mine !== token) return;
      busy.value = null;
      if (!result.ok) {
        if (result.error.code === 'version_conflict') {
          conflict.value = true;
          return fail([], CONFLICT_MESSAGE);
        }
        const found = result.error.issues;
        return fail(found, found.length > 0 ? `Not saved: fix the ${problems(found.length)}.` : `Not saved: ${result.error.message}`);
      }
      base.value = result.value.config;
      setDraft(result.value.config);
      configVersion.value = result.value.configVersion;
      directory.setQueues(id, result.value.config.queues);
      sectionStatus.value = {};
      fail([], 'Settings saved.');
    },
    saveSection,
    reloadSection,
  };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
