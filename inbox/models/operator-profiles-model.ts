import { signal } from '@preact/signals';
import type { OperatorProfile } from '../../shared/http';
import type { InboxApi } from '../api-client';
import type { FieldIssue } from '../api-errors';
import { type OperatorDraft, toOperatorUpdate } from './operator-profile-rules';

/** What a save of one operator left to say: its issues by field, or what happened. */
export interface OperatorOutcome {
  issues: FieldIssue[];
  message: string;
}

/** The admin's list of the site's operators: capacity, languages and skills, each saved on its own. */
export function createOperatorProfilesModel(api: InboxApi) {
  const siteId = signal<string | null>(null);
  const operators = signal<OperatorProfile[]>([]);
  const loadError = signal<string | null>(null);
  const savingId = signal<string | null>(null);
  const outcomes = signal<Record<string, OperatorOutcome>>({});
  /** Bumped when saved values replace the fields' text (tags come back canonical). */
  const revision = signal(0);
  let token = 0;

  const setOutcome = (operatorId: string, outcome: OperatorOutcome) => {
    outcomes.value = { ...outcomes.peek(), [operatorId]: outcome };
  };

  function replace(profile: OperatorProfile) {
    operators.value = operators.peek().map((o) => (o.operatorId === profile.operatorId ? profile : o));
  }

  return {
    siteId,
    operators,
    loadError,
    savingId,
    outcomes,
    revision,
    async load(next: string) {
      const mine = ++token;
      siteId.value = next;
      operators.value = [];
      outcomes.value = {};
      loadError.value = null;
      // A save still in flight belongs to the list being left; its answer is dropped, so it must not block the next save.
      savingId.value = null;
      const result = await api.operatorProfiles(next);
      if (mine !== token) return;
      if (!result.ok) {
        loadError.value = `Could not load the operators: ${result.error.message}`;
        return;
      }
      operators.value = result.value.operators;
      revision.value++;
    },
    async save(operatorId: string, draft: OperatorDraft) {
      const id = siteId.peek();
      const current = operators.peek().find((o) => o.operatorId === operatorId);
      if (!id || !current || savingId.peek()) return;
      const checked = toOperatorUpdate(current, draft);
      if (!checked.ok) return setOutcome(operatorId, { issues: checked.issues, message: 'Not saved: fix the marked fields.' });
      if (Object.keys(checked.body).length === 0) return setOutcome(operatorId, { issues: [], message: 'Nothing changed.' });
      const mine = token;
      savingId.value = operatorId;
      const result = await api.updateOperator(id, operatorId, checked.body);
      if (mine !== token) return;
      savingId.value = null;
      if (!result.ok) {
        const { issues, message } = result.error;
        return setOutcome(operatorId, {
          issues,
          message: issues.length > 0 ? 'Not saved: fix the marked fields.' : `Not saved: ${message}`,
        });
      }
      replace(result.value.operator);
      revision.value++;
      setOutcome(operatorId, { issues: [], message: `Saved ${result.value.operator.name}.` });
    },
  };
}

export type OperatorProfilesModel = ReturnType<typeof createOperatorProfilesModel>;
