import { computed, signal } from '@preact/signals';
import { SiteConfig } from '../../../shared/site-config';
import type { InboxApi } from '../api-client';
import type { FieldIssue } from '../api-errors';
import type { DirectoryModel } from './directory-model';
import { issuesAt, toFieldIssues } from './settings-rules';

const stringify = (config: SiteConfig) => JSON.stringify(config, null, 2);

export function createSettingsModel(api: InboxApi, directory: Pick<DirectoryModel, 'setQueues'>) {
  const siteId = signal<string | null>(null);
  const draft = signal<SiteConfig | null>(null);
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

  return {
    siteId,
    draft,
    json,
    jsonDirty,
    dirty,
    issues,
    busy,
    message,
    revision,
    issuesAt: (prefix: string) => issuesAt(issues.value, prefix),
    async open(next: string) {
      const mine = ++token;
      siteId.value = next;
      draft.value = null;
      busy.value = 'loading';
      message.value = null;
      validationIssues.value = [];
      fieldProblems.value = {};
      const result = await api.siteConfig(next);
      if (mine !== token) return;
      busy.value = null;
      if (!result.ok) return fail([], `Could not load the settings: ${result.error.message}`);
      setDraft(result.value.config);
      revision.value++;
      dirty.value = false;
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
      if (!id || !current || busy.peek()) return;
      if (jsonDirty.peek()) return fail(validationIssues.peek(), 'Apply or discard your JSON edits first.');
      if (Object.keys(fieldProblems.peek()).length > 0) return fail([], 'Fix the marked fields, then save.');
      const checked = SiteConfig.safeParse(current);
      if (!checked.success) {
        const found = toFieldIssues(checked.error.issues);
        return fail(found, `Fix the ${found.length} marked problem${found.length === 1 ? '' : 's'}, then save.`);
      }
      const mine = token;
      busy.value = 'saving';
      const result = await api.saveSiteConfig(id, checked.data);
      if (mine !== token) return;
      busy.value = null;
      if (!result.ok) {
        const found = result.error.issues;
        return fail(found, found.length > 0 ? `Not saved: fix the ${found.length} marked problem${found.length === 1 ? '' : 's'}.` : `Not saved: ${result.error.message}`);
      }
      setDraft(result.value.config);
      directory.setQueues(id, result.value.config.queues);
      dirty.value = false;
      fail([], 'Settings saved.');
    },
  };
}

export type SettingsModel = ReturnType<typeof createSettingsModel>;
