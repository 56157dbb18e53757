import { signal } from '@preact/signals';
import type { InviteDetailsResponse } from '../../shared/http';
import type { InboxApi } from '../api-client';

/** The token of an invite link (`/inbox/#/invite/TOKEN`), or null for any other address. */
export function inviteTokenOf(hash: string): string | null {
  const match = /^#\/invite\/([\w-]{20,100})$/.exec(hash);
  return match ? match[1]! : null;
}

export const MIN_PASSWORD = 10;

/** Answering an invite: read what it is for, then set a name and password (or give an existing account's). */
export function createInviteModel(api: Pick<InboxApi, 'inviteDetails' | 'acceptInvite'>, token: string) {
  const details = signal<InviteDetailsResponse | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const acceptedEmail = signal<string | null>(null);
  return {
    details,
    error,
    busy,
    acceptedEmail,
    async load() {
      const result = await api.inviteDetails(token);
      if (result.ok) details.value = result.value;
      else error.value = result.error.message;
    },
    async accept(name: string, password: string, repeat: string) {
      const invite = details.peek();
      if (!invite || busy.peek()) return;
      if (!invite.hasAccount) {
        if (!name.trim()) return void (error.value = 'Enter the name visitors will see.');
        if (password.length < MIN_PASSWORD) return void (error.value = `Choose a password of at least ${MIN_PASSWORD} characters.`);
        if (password !== repeat) return void (error.value = 'The two passwords differ; type the same one twice.');
      }
      busy.value = true;
      error.value = null;
      const result = await api.acceptInvite(token, { name: name.trim(), password });
      busy.value = false;
      if (result.ok) acceptedEmail.value = result.value.email;
      else error.value = result.error.message;
    },
  };
}

export type InviteModel = ReturnType<typeof createInviteModel>;
