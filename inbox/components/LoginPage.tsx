import { useApp } from './app-context';

export function LoginPage() {
  const { session } = useApp();
  const error = session.error.value;
  const busy = session.busy.value;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void session.login(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
  }

  return (
    <main class="center">
      <h1>Baton inbox</h1>
      <form class="card login" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h2 id="login-title">Sign in</h2>
        <p class="muted">Operators and admins sign in with their work email.</p>
        <label for="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autocomplete="username"
          // Arriving from an accepted invite: the email is already known.
          defaultValue={new URLSearchParams(location.search).get('email') ?? ''}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <label for="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'login-error' : undefined}
        />
        <p id="login-error" class="error" role="alert">
          {error}
        </p>
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
