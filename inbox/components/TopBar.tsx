import { PasswordForm } from './PasswordForm';
import { PresenceToggle } from './PresenceToggle';
import { useApp } from './app-context';

const connectionText = {
  idle: null,
  connecting: 'Connecting to live updates…',
  open: null,
  reconnecting: 'Live updates interrupted; reconnecting…',
  stopped: 'Live updates stopped. Reload the page.',
} as const;

export function TopBar() {
  const { session, alerts, connection, counts } = useApp();
  const operator = session.operator.value;
  if (!operator) return null;
  const status = connectionText[connection.value];
  return (
    <header class="topbar">
      <h1>Baton inbox</h1>
      <p class="who">
        Signed in as <strong>{operator.name}</strong>
        {operator.role === 'admin' ? ' (admin)' : ''}
      </p>
      <PresenceToggle />
      <p class="capacity">
        Capacity: {counts.value.mine} of {operator.capacity} conversations
      </p>
      <p class="connection" role="status">
        {status}
      </p>
      {alerts.permission.value === 'default' ? (
        <button type="button" onClick={() => void alerts.enableDesktopNotifications()}>
          Enable desktop notifications
        </button>
      ) : null}
      <PasswordForm />
      <button type="button" onClick={() => void session.logout()}>
        Sign out
      </button>
    </header>
  );
}
