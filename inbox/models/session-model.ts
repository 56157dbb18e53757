import { computed, signal } from '@preact/signals';
import type { OperatorIdentity, Presence } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import { loginFailureMessage } from '../api-errors';

export type SessionStatus = 'checking' | 'signed_out' | 'signed_in';

export function createSessionModel(api: InboxApi) {
  const status = signal<SessionStatus>('checking');
  const operator = signal<OperatorIdentity | null>(null);
  const error = signal<string | null>(null);
  const busy = signal(false);
  const presenceError = signal<string | null>(null);
  const meId = computed(() => operator.value?.operatorId ?? '');
  const isAdmin = computed(() => operator.value?.role === 'admin');

  function signIn(identity: OperatorIdentity) {
    operator.value = identity;
    error.value = null;
    status.value = 'signed_in';
  }

  function signOut(message: string | null) {
    operator.value = null;
    error.value = message;
    status.value = 'signed_out';
  }

  return {
    status,
    operator,
    error,
    busy,
    presenceError,
    meId,
    isAdmin,
    async restore() {
      const result = await api.session();
      if (result.ok) return signIn(result.value.operator);
      signOut(result.error.status === 401 ? null : result.error.message);
    },
    async login(email: string, password: string) {
      if (busy.peek()) return;
      if (!email.trim() || !password) {
        error.value = 'Enter your email and password.';
        return;
      }
      busy.value = true;
      error.value = null;
      const result = await api.login({ email: email.trim(), password });
      busy.value = false;
      if (result.ok) signIn(result.value.operator);
      else error.value = loginFailureMessage(result.error);
    },
    /** Answers what to tell the person; the server signs out their other sessions. */
    async changePassword(currentPassword: string, newPassword: string): Promise<{ text: string; failed: boolean }> {
      const result = await api.changePassword({ currentPassword, newPassword });
      if (!result.ok) return { text: result.error.message, failed: true };
      return { text: 'Password changed; your other sessions were signed out.', failed: false };
    },
    async logout() {
      await api.logout();
      signOut(null);
    },
    /** The server ended the session (cookie expired, signed out elsewhere). */
    expire() {
      if (status.peek() === 'signed_in') signOut('Your session has ended. Sign in again.');
    },
    applyIdentity(identity: OperatorIdentity) {
      if (status.peek() === 'signed_in') operator.value = identity;
    },
    applyPresence(operatorId: string, presence: Presence) {
      const current = operator.peek();
      if (current && current.operatorId === operatorId) operator.value = { ...current, presence };
    },
    async setPresence(presence: 'online' | 'away') {
      const current = operator.peek();
      if (!current || current.presence === presence) return;
      operator.value = { ...current, presence };
      presenceError.value = null;
      const result = await api.setPresence(presence);
      if (result.ok) return;
      presenceError.value = `Could not change your status: ${result.error.message}`;
      const now = operator.peek();
      if (now && now.presence === presence) operator.value = { ...now, presence: current.presence };
    },
  };
}

export type SessionModel = ReturnType<typeof createSessionModel>;
