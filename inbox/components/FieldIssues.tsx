import { useApp } from './app-context';

const idFor = (path: string) => `issues-${path.replace(/[^a-zA-Z0-9_-]/g, '-') || 'root'}`;

/** aria props tying a control to the issues listed for its config path. */
export function useIssueProps(path: string) {
  const { settings } = useApp();
  const has = settings.issuesAt(path).length > 0;
  return { 'aria-invalid': has ? true : undefined, 'aria-describedby': has ? idFor(path) : undefined } as const;
}

/** Lists the validation issues for one config path, right beside its field; `exact` leaves nested paths to their own fields. */
export function FieldIssues({ path, exact = false }: { path: string; exact?: boolean }) {
  const { settings } = useApp();
  const issues = settings.issuesAt(path).filter((i) => !exact || i.path === path);
  if (issues.length === 0) return null;
  return (
    <ul id={idFor(path)} class="issues">
      {issues.map((i) => (
        <li key={`${i.path}:${i.message}`}>
          {i.path !== path ? <code>{i.path}</code> : null} {i.message}
        </li>
      ))}
    </ul>
  );
}
