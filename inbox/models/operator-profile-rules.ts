import { type OperatorProfile, UpdateOperatorBody } from '../../shared/http';
import type { FieldIssue } from '../api-errors';
import { parseTagList } from './settings-edits';
import { toFieldIssues } from './settings-rules';

/** What the admin typed for one operator, as text. */
export interface OperatorDraft {
  capacity: string;
  languages: string;
  skills: string;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The change to send: only the fields that differ from what was loaded, so two admins editing
 * different fields of one operator do not undo each other. Checked with the server's own schema.
 */
export function toOperatorUpdate(
  current: OperatorProfile,
  draft: OperatorDraft,
): { ok: true; body: UpdateOperatorBody } | { ok: false; issues: FieldIssue[] } {
  const text = draft.capacity.trim();
  if (!/^\d+$/.test(text))
    return { ok: false, issues: [{ path: 'capacity', message: 'Capacity is a whole number of conversations, from 1 to 50.' }] };
  const capacity = Number(text);
  const languages = parseTagList(draft.languages);
  const skills = parseTagList(draft.skills);
  const body: UpdateOperatorBody = {
    ...(capacity === current.capacity ? {} : { capacity }),
    ...(sameList(languages, current.languages) ? {} : { languages }),
    ...(sameList(skills, current.skills) ? {} : { skills }),
  };
  const parsed = UpdateOperatorBody.safeParse(body);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: toFieldIssues(parsed.error.issues) };
}
