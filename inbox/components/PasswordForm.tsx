import { useState } from 'preact/hooks';
import { useApp } from './app-context';

/** An operator changes their own password: the current one is asked again; their other sessions are signed out. */
export function PasswordForm() {
  const { session } = useApp();
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('current') ?? '');
    const newPassword = String(form.get('next') ?? '');
    if (newPassword.length < 10) return setOutcome({ text: 'Choose a password of at least 10 characters.', failed: true });
    if (newPassword !== String(form.get('repeat') ?? '')) return setOutcome({ text: 'The two new passwords differ.', failed: true });
    setBusy(true);
    const answer = await session.changePassword(currentPassword, newPassword);
    setBusy(false);
    if (!answer.failed) formElement.reset();
    setOutcome(answer);
  }
  return (
    <details class="password">
      <summary>Change password</summary>
      <form class="login" onSubmit={submit} noValidate>
        <label for="password-current">Current password</label>
        <input id="password-current" name="current" type="password" autocomplete="current-password" required />
        <label for="password-next">New password (at least 10 characters)</label>
        <input id="password-next" name="next" type="password" autocomplete="new-password" required minLength={10} />
        <label for="password-repeat">New password again</label>
        <input id="password-repeat" name="repeat" type="password" autocomplete="new-password" required />
        <p role="status" class={outcome?.failed ? 'error' : 'muted'}>
          {outcome?.text}
        </p>
        <button type="submit" disabled={busy}>
          Change password
        </button>
      </form>
    </details>
  );
}
