import { useApp } from './app-context';

export function PresenceToggle() {
  const { session } = useApp();
  const presence = session.operator.value?.presence ?? 'offline';
  const error = session.presenceError.value;
  return (
    <div class="presence">
      <label for="presence">Status</label>
      <select
        id="presence"
        value={presence === 'online' ? 'online' : 'away'}
        aria-describedby={error ? 'presence-error' : undefined}
        onChange={(e) => void session.setPresence(e.currentTarget.value === 'online' ? 'online' : 'away')}
      >
        <option value="online">Online</option>
        <option value="away">Away</option>
      </select>
      {error ? (
        <span id="presence-error" class="error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
