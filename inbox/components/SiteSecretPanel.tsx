import { useEffect, useRef } from 'preact/hooks';
import { useApp } from './app-context';

/** Reveal and rotate the site's signing secret; rotating asks first, since it breaks the old secret at once. */
export function SiteSecretPanel() {
  const { settings } = useApp();
  const s = settings.secret;
  const secret = s.secret.value;
  const confirming = s.confirming.value;
  const busy = s.busy.value !== null;
  const field = useRef<HTMLInputElement>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Leaving the settings page takes the secret off screen.
  useEffect(() => () => s.hide(), [s]);
  useEffect(() => {
    // Ask with the keyboard on the harmless answer; once answered, back to the button that asked.
    if (confirming) cancelButton.current?.focus();
    else if (wasConfirming.current) rotateButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  // After the effect above: a new secret (revealed or rotated) takes the focus, so it is read out.
  useEffect(() => {
    if (secret !== null) field.current?.focus();
  }, [secret]);

  return (
    <section class="settings-panel" aria-labelledby="secret-title">
      <h3 id="secret-title">Signing secret</h3>
      <p class="muted">
        Your server computes identify()'s userHash with it (HMAC-SHA256 of the user id), and Baton signs every webhook request with it.
        Keep it on your server, never in a web page.
      </p>
      {secret !== null ? (
        <div class="field">
          <label for="site-secret">Signing secret</label>
          <input id="site-secret" ref={field} type="text" class="mono" readOnly spellcheck={false} autocomplete="off" value={secret} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      <div class="action-row">
        {secret === null ? (
          <button type="button" disabled={busy} onClick={() => void s.reveal()}>
            Reveal secret
          </button>
        ) : (
          <button type="button" onClick={() => s.hide()}>
            Hide secret
          </button>
        )}
        <button type="button" ref={rotateButton} disabled={busy || confirming} onClick={() => s.askToRotate()}>
          Rotate secret…
        </button>
      </div>
      {confirming ? (
        <fieldset class="confirm" aria-describedby="rotate-consequence" onKeyDown={(e) => e.key === 'Escape' && s.cancelRotate()}>
          <legend>Replace the signing secret with a new one?</legend>
          <p id="rotate-consequence">
            The current secret stops working at once: identity hashes from your server and your webhook receiver's checks fail until you
            give them the new secret.
          </p>
          <div class="action-row">
            <button type="button" class="danger" disabled={busy} onClick={() => void s.rotate()}>
              Rotate now
            </button>
            <button type="button" ref={cancelButton} disabled={busy} onClick={() => s.cancelRotate()}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : null}
      <p role="status" class={s.failed.value ? 'error' : 'muted'}>
        {s.busy.value === 'rotating' ? 'Rotating…' : s.message.value}
      </p>
    </section>
  );
}
