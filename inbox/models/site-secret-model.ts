import { signal } from '@preact/signals';
import type { InboxApi, SecretKind } from '../api-client';

export const ROTATED_MESSAGE =
  'New secret in place. Put it on your server now (BATON_SITE_SECRET): identity hashes made with the old secret no longer verify.';
export const WEBHOOK_ROTATED_MESSAGE =
  'New secret in place. Give it to your webhook receivers now: signatures made with the old secret no longer verify.';

/** One of the site's two secrets: hidden until an admin asks, replaced only after they confirm. */
export function createSiteSecretModel(api: InboxApi, kind: SecretKind = 'identity') {
  const siteId = signal<string | null>(null);
  const secret = signal<string | null>(null);
  const confirming = signal(false);
  const busy = signal<'revealing' | 'rotating' | null>(null);
  const message = signal<string | null>(null);
  const failed = signal(false);
  let token = 0;

  function say(text: string | null, isFailure = false) {
    message.value = text;
    failed.value = isFailure;
  }

  return {
    kind,
    secret,
    confirming,
    busy,
    message,
    failed,
    /** Another site, or the page was left: nothing of the last site's secret stays on screen. */
    reset(next: string | null) {
      token++;
      siteId.value = next;
      secret.value = null;
      confirming.value = false;
      busy.value = null;
      say(null);
    },
    async reveal() {
      const id = siteId.peek();
      if (!id || busy.peek()) return;
      const mine = ++token;
      busy.value = 'revealing';
      say(null);
      const result = await api.siteSecret(id, kind);
      if (mine !== token) return;
      busy.value = null;
      if (result.ok) secret.value = result.value.secret;
      else say(`Could not show the secret: ${result.error.message}`, true);
    },
    hide() {
      secret.value = null;
      say(null);
    },
    askToRotate() {
      confirming.value = true;
      say(null);
    },
    cancelRotate() {
      confirming.value = false;
    },
    async rotate() {
      const id = siteId.peek();
      if (!id || busy.peek() || !confirming.peek()) return;
      const mine = ++token;
      busy.value = 'rotating';
      const result = await api.rotateSiteSecret(id, kind);
      if (mine !== token) return;
      busy.value = null;
      confirming.value = false;
      if (!result.ok) return say(`Not rotated: ${result.error.message}`, true);
      secret.value = result.value.secret;
      say(kind === 'identity' ? ROTATED_MESSAGE : WEBHOOK_ROTATED_MESSAGE);
    },
  };
}

export type SiteSecretModel = ReturnType<typeof createSiteSecretModel>;
