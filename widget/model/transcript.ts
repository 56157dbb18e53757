import { type ReadonlySignal, signal } from '@preact/signals-core';
import type { Message } from '../../shared/entities';
import { highestSeq, mergeMessages } from './message-list';

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
      const before = highestSeq(messages.value, conversationId);
      const { list, added } = mergeMessages(messages.value, incoming);
      if (added.length === 0) return added;
      messages.value = list;
      // seq is contiguous within a conversation: a jump means frames were missed, so fetch them.
      const jumped = added.some((m) => m.conversationId === conversationId && before > 0 && m.seq > before + 1);
      if (live && jumped) options.onGap(before);
      return added;
    },
  };
}
