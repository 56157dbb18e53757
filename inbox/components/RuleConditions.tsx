import type { HandoverRule } from '../../shared/config/routing';
import { catchesAll, formatTagList, parseTagList, withCondition } from '../models/settings-edits';
import { FieldIssues, useIssueProps } from './FieldIssues';
import { RuleTriggers } from './RuleTriggers';

type ListCondition = 'intents' | 'tags' | 'languages';
const lists: { key: ListCondition; label: string }[] = [
  { key: 'intents', label: 'Intent is one of' },
  { key: 'tags', label: 'Verified visitor tag is one of' },
  { key: 'languages', label: 'Visitor language is one of' },
];

/** What a handover rule matches; every condition filled in must hold, and a list holds when any entry does. */
export function RuleConditions({
  rule,
  index,
  edit,
}: {
  rule: HandoverRule;
  index: number;
  edit: (mutate: (r: HandoverRule) => void) => void;
}) {
  const base = `handoverRules.${index}.when`;
  const id = `rule-${index}`;
  const pageProps = useIssueProps(`${base}.pageContains`);
  const listProps = {
    intents: useIssueProps(`${base}.intents`),
    tags: useIssueProps(`${base}.tags`),
    languages: useIssueProps(`${base}.languages`),
  };
  return (
    <div class="rule-conditions">
      <RuleTriggers
        rule={rule}
        index={index}
        onChange={(triggers) =>
          edit((r) => {
            r.when = withCondition(r.when, 'triggers', triggers);
          })
        }
      />
      <FieldIssues path={`${base}.triggers`} />
      {lists.map(({ key, label }) => (
        <div class="field" key={key}>
          <label for={`${id}-${key}`}>{label}</label>
          <input
            id={`${id}-${key}`}
            type="text"
            value={formatTagList(rule.when[key])}
            {...listProps[key]}
            onChange={(e) =>
              edit((r) => {
                r.when = withCondition(r.when, key, parseTagList(e.currentTarget.value));
              })
            }
          />
          <FieldIssues path={`${base}.${key}`} />
        </div>
      ))}
      <div class="field">
        <label for={`${id}-page`}>Page address contains</label>
        <input
          id={`${id}-page`}
          type="text"
          value={rule.when.pageContains ?? ''}
          {...pageProps}
          onChange={(e) =>
            edit((r) => {
              r.when = withCondition(r.when, 'pageContains', e.currentTarget.value);
            })
          }
        />
        <FieldIssues path={`${base}.pageContains`} />
      </div>
      <FieldIssues path={base} exact />
      {catchesAll(rule) ? <p class="warn">No condition: this rule takes every handoff, so the rules below it never apply.</p> : null}
    </div>
  );
}
