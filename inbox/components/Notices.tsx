import { formatRoute } from '../route';
import { useApp } from './app-context';

/** Always in the page so screen readers register the live region before the first notice. */
export function Notices() {
  const { alerts, section } = useApp();
  const notices = alerts.notices.value;
  const listSection = section.value === 'settings' ? 'awaiting' : section.value;
  return (
    <section class="notices" aria-label="Notices">
      <div role="status" class="sr-only">
        {alerts.latest.value?.text}
      </div>
      {notices.length > 0 ? (
        <ul>
          {notices.map((n) => (
            <li key={n.id}>
              <span>{n.text}</span>{' '}
              {n.conversationId ? <a href={formatRoute({ section: listSection, conversationId: n.conversationId })}>Open</a> : null}{' '}
              <button type="button" class="link" onClick={() => alerts.dismiss(n.id)}>
                Dismiss<span class="sr-only"> notice</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
