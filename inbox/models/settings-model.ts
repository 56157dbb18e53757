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

const stringify = (config: SiteConfig) => JSON.stringify(config, null, 2);
const problems = (n: number) => `${n} marked problem${n === 1 ? '' : 's'}`;

export const CONFLICT_MESSAGE =
  'Not saved: someone else saved these settings after you opened them. Your edits are still on this page; ' +
  '“Reload latest settings” replaces them with the saved version, so note what you changed first.';
export const RELOADED_MESSAGE = 'Loaded the latest settings. Your unsaved edits were not kept: make your change again, then save.';

export function createSettingsModel(api: InboxApi, directory: Pick<DirectoryModel, 'setQueues'>) {
  const siteId = signal<string | null>(null);
  const draft = signal<SiteConfig | null>(null);
  /** The version the draft was loaded at; a save over any other version is refused. */
  const configVersion = signal<number | null>(null);
  /** Someone else saved since this draft was loaded: saving again cannot succeed until the admin reloads. */
  const conflict = signal(false);
  const json = signal('');
  const jsonDirty = signal(false);
  const dirty = signal(false);
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
  const team = createTeamModel(api, () => siteId.peek(), (id) => void operators.load(id));
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
    setDraft(result.value.config);
    configVersion.value = result.value.configVersion;
    revision.value++;
    dirty.value = false;
    // Settings saved before a check existed still load; show what now needs fixing before a save.
    const checked = SiteConfig.safeParse(result.value.config);
    if (!checked.success) {
      const found = toFieldIssues(checked.error.issues);
      fail(found, `The saved settings have ${problems(found.length)}: fix before saving.`);
    }
    return true;
  }

  return {
    siteId,
    draft,
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
      dirty.value = true;
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
      dirty.value = true;
      fail([], 'JSON applied. Save to keep it.');
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
      setDraft(result.value.config);
      configVersion.value = result.value.configVersion;
      directory.setQueues(id, result.value.config.queues);
      dirty.value = false;
      fail([], 'Settings saved.');
    },
  };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
