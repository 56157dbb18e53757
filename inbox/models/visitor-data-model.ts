import { signal } from '@preact/signals';
import type { InboxApi } from '../api-client';

export const ERASED_MESSAGE =
  "The visitor's messages and personal data were erased; the audit trail keeps who did what, without their words.";

/** An admin's export and erasure of the open conversation's visitor: erasure only after they confirm. */
export function createVisitorDataModel(api: Pick<InboxApi, 'eraseVisitorData'>, onErased: () => void) {
  const confirming = signal(false);
  const busy = signal(false);
  const message = signal<string | null>(null);
  const failed = signal(false);
  let token = 0;

  const say = (text: string | null, isFailure = false) => {
    message.value = text;
    failed.value = isFailure;
  };

  return {
    confirming,
    busy,
    message,
    failed,
    /** Another conversation opened: no question or answer about the last one stays on screen. */
    reset() {
      token++;
      confirming.value = false;
      busy.value = false;
      say(null);
    },
    askToErase() {
      confirming.value = true;
      say(null);
    },
    cancelErase() {
      confirming.value = false;
    },
    async erase(siteId: string, visitorId: string) {
      if (busy.peek()) return;
      const mine = ++token;
      busy.value = true;
      const result = await api.eraseVisitorData(siteId, visitorId);
      if (mine !== token) return;
      busy.value = false;
      confirming.value = false;
      if (!result.ok) return say(`Could not erase the visitor's data: ${result.error.message}`, true);
      say(ERASED_MESSAGE);
      onErased();
    },
  };
}

export type VisitorDataModel = ReturnType<typeof createVisitorDataModel>;
