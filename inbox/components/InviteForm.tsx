import { useApp } from './app-context';

/** Admins invite a colleague: a one-time link to copy (also emailed when the server has SMTP_URL). */
export function InviteForm() {
  const { settings } = useApp();
  const team = settings.team;
  const sent = team.invite.value;
  return (
    <form
      class="invite"
      noValidate
      aria-labelledby="invite-title"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        void team.sendInvite(String(data.get('email') ?? ''), data.get('admin') === 'on');
      }}
    >
      <h4 id="invite-title">Invite someone</h4>
      <div class="field-row">
        <div class="field">
          <label for="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" autocomplete="off" required />
        </div>
        <label class="check">
          <input type="checkbox" name="admin" /> Admin (may change settings and the team)
        </label>
        <button type="submit" disabled={team.busy.value}>
          Create invite link
        </button>
      </div>
      {sent ? (
        <div class="field" role="status">
          <label for="invite-link">
            Invite link for {sent.email} (works once, until {new Date(sent.expiresAt).toLocaleString()})
            {sent.emailed ? '; also sent by email' : ''}
          </label>
          <input id="invite-link" type="text" readOnly value={sent.inviteUrl} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      {team.message.value ? <p role="status">{team.message.value}</p> : null}
      <p class="error" role="alert">
        {team.error.value}
      </p>
    </form>
  );
}
