import { type ReadonlySignal, signal } from '@preact/signals-core';
import type { Message } from '../../shared/entities';
import { acceptMessages, highestSeq } from '../../frontend-common/message-list';

/** The messages shown, each once, in order; it notices when frames went missing. */
export function createTranscript(options: { onGap(afterSeq: number): void }) {
  const messages = signal<Message[]>([]);
  return {
    messages: messages as ReadonlySignal<Message[]>,
    /** Another visitor now (a different person signed in): nothing of the previous one stays on screen. */
    clear: () => (messages.value = []),
    highestSeq: (conversationId: string | null) => highestSeq(messages.value, conversationId),
    /** Adds what is new and returns it; `live` frames are checked for a jump in seq. */
    accept(incoming: readonly Message[], conversationId: string | null, live: boolean): Message[] {
      const { list, added, gapAfter } = acceptMessages(messages.value, incoming, conversationId);
      if (added.length === 0) return added;
      messages.value = list;
      // A jump in seq means frames were missed: fetch them.
      if (live && gapAfter !== null) options.onGap(gapAfter);
      return added;
    },
  };
}
