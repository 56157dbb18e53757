import { formatRoute, type Section } from '../route';
import { useApp } from './app-context';

const links: { section: Section; label: string; counted: boolean }[] = [
  { section: 'awaiting', label: 'Awaiting handoff', counted: true },
  { section: 'live', label: 'Live', counted: true },
  { section: 'mine', label: 'Mine', counted: true },
  { section: 'callbacks', label: 'Callbacks', counted: true },
  { section: 'resolved', label: 'Resolved', counted: true },
  { section: 'insights', label: 'Insights', counted: false },
  { section: 'settings', label: 'Settings', counted: false },
];

export function ViewNav() {
  const { section, counts, session } = useApp();
  const current = section.value;
  const all = counts.value;
  const visible = links.filter((l) => l.section !== 'settings' || session.isAdmin.value);
  return (
    <nav class="views" aria-label="Views">
      <ul>
        {visible.map(({ section: s, label, counted }) => {
          const count = counted ? all[s as keyof typeof all] : null;
          // The count stays out of the link's name ("Awaiting handoff") and is read as its description.
          return (
            <li key={s}>
              <a
                href={formatRoute({ section: s, conversationId: null })}
                aria-current={current === s ? 'page' : undefined}
                aria-describedby={count === null ? undefined : `count-${s}`}
              >
                <span>{label}</span>
                {count === null ? null : (
                  <span class="count" aria-hidden="true">
                    {count}
                  </span>
                )}
              </a>
              {count === null ? null : (
                <span id={`count-${s}`} hidden>
                  {s === 'callbacks' ? `${count} pending` : count === 1 ? '1 conversation' : `${count} conversations`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
