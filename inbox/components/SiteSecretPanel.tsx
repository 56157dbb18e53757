import { useEffect, useRef } from 'preact/hooks';
import { useApp } from './app-context';

const texts = {
  identity: {
    title: 'Identity secret',
    about: "Your server computes identify()'s userHash with it (HMAC-SHA256 of the user id). Keep it on your server, never in a web page.",
    consequence: 'The current secret stops working at once: identity hashes from your server fail until you give it the new secret.',
  },
  webhook: {
    title: 'Webhook signing secret',
    about:
      'Baton signs every webhook and bot request with it (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature); your receivers verify with it.',
    consequence: "The current secret stops working at once: your receivers' signature checks fail until you give them the new secret.",
  },
} as const;

/** Reveal and rotate one of the site's two secrets; rotating asks first, since it breaks the old secret at once. */
export function SiteSecretPanel({ kind }: { kind: 'identity' | 'webhook' }) {
  const { settings } = useApp();
  const s = kind === 'identity' ? settings.secret : settings.webhookSecret;
  const t = texts[kind];
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
    <section class="settings-panel" aria-labelledby={`${kind}-secret-title`}>
      <h3 id={`${kind}-secret-title`}>{t.title}</h3>
      <p class="muted">{t.about}</p>
      {secret !== null ? (
        <div class="field">
          <label for={`${kind}-site-secret`}>{t.title}</label>
          <input
            id={`${kind}-site-secret`}
            ref={field}
            type="text"
            class="mono"
            readOnly
            spellcheck={false}
            autocomplete="off"
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
          />
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
        <fieldset class="confirm" aria-describedby={`${kind}-rotate-consequence`} onKeyDown={(e) => e.key === 'Escape' && s.cancelRotate()}>
          <legend>Replace the {t.title.toLowerCase()} with a new one?</legend>
          <p id={`${kind}-rotate-consequence`}>{t.consequence}</p>
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
