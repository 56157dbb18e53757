import type { InviteModel } from '../models/invite-model';

/** The page an invite link opens: no session needed; it ends with a link to sign in. */
export function AcceptInvitePage({ model }: { model: InviteModel }) {
  const invite = model.details.value;
  const error = model.error.value;
  const accepted = model.acceptedEmail.value;
  if (accepted) {
    return (
      <main class="center">
        <h1>Baton inbox</h1>
        <div class="card">
          <h2>You are in</h2>
          <p role="status">You can now sign in as {accepted}.</p>
          <a class="button primary" href={`/inbox/?email=${encodeURIComponent(accepted)}`}>
            Sign in
          </a>
        </div>
      </main>
    );
  }
  if (!invite) {
    return (
      <main class="center">
        <h1>Baton inbox</h1>
        <p role={error ? 'alert' : 'status'} class={error ? 'error' : undefined}>
          {error ?? 'Opening your invite…'}
        </p>
      </main>
    );
  }
  function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (key: string) => String(form.get(key) ?? '');
    void model.accept(text('name'), text('password'), text('repeat'));
  }
  return (
    <main class="center">
      <h1>Baton inbox</h1>
      <form class="card login" onSubmit={submit} aria-labelledby="invite-title" noValidate>
        <h2 id="invite-title">Join {invite.siteName}</h2>
        <p class="muted">
          You were invited as {invite.role === 'admin' ? 'an admin' : 'an operator'} with {invite.email}. The link works once, until{' '}
          {new Date(invite.expiresAt).toLocaleString()}.
        </p>
        {invite.hasAccount ? (
          <>
            <label for="invite-password">Your current Baton password</label>
            <input id="invite-password" name="password" type="password" autocomplete="current-password" required />
          </>
        ) : (
          <>
            <label for="invite-name">Your name, as visitors will see it</label>
            <input id="invite-name" name="name" type="text" autocomplete="name" required maxLength={80} />
            <label for="invite-password">Choose a password (at least 10 characters)</label>
            <input id="invite-password" name="password" type="password" autocomplete="new-password" required minLength={10} />
            <label for="invite-repeat">The same password again</label>
            <input id="invite-repeat" name="repeat" type="password" autocomplete="new-password" required />
          </>
        )}
        <p class="error" role="alert">
          {error}
        </p>
        <button type="submit" class="primary" disabled={model.busy.value} aria-busy={model.busy.value}>
          {invite.hasAccount ? 'Join the site' : 'Set password'}
        </button>
      </form>
    </main>
  );
}
