import { signal } from '@preact/signals';
import type { InviteResponse } from '../../shared/http';
import type { InboxApi } from '../api-client';

/** An admin's invites and removals for the site open in Settings; `reload` refreshes the operator list after a removal. */
export function createTeamModel(
  api: Pick<InboxApi, 'inviteOperator' | 'removeOperator'>,
  siteId: () => string | null,
  reload: (siteId: string) => void,
) {
  const invite = signal<InviteResponse | null>(null);
  const message = signal<string | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  return {
    invite,
    message,
    error,
    busy,
    async sendInvite(email: string, admin: boolean) {
      const id = siteId();
      if (!id || busy.peek()) return;
      if (!email.trim()) {
        error.value = 'Enter the email of the person to invite.';
        return;
      }
      busy.value = true;
      error.value = null;
      invite.value = null;
      const result = await api.inviteOperator(id, { email: email.trim(), role: admin ? 'admin' : 'operator' });
      busy.value = false;
      if (result.ok) invite.value = result.value;
      else error.value = result.error.message;
    },
    async remove(operatorId: string, name: string) {
      const id = siteId();
      if (!id || busy.peek()) return;
      busy.value = true;
      error.value = null;
      const result = await api.removeOperator(id, operatorId);
      busy.value = false;
      if (!result.ok) {
        error.value = result.error.message;
        return;
      }
      message.value = `${name} was removed: signed out everywhere, and their conversations went back to the queue.`;
      reload(id);
    },
  };
}

export type TeamModel = ReturnType<typeof createTeamModel>;
