import type { Message } from '../../shared/entities';
import type { ConversationDetail } from '../../shared/http';
import type { ConversationSummary } from '../../shared/operator-protocol';
import { highestSeq, lastSeqHeld, mergeMessages } from '../../frontend-common/message-list';

/*
 * The open conversation's transcript comes from two sources that race: the snapshot (GET) and
 * live `message_added` frames. Seqs are contiguous, so what is missing is always known: the
 * snapshot covers every message up to its `syncedThrough`, and live messages must continue that
 * run one by one. Pure rules; conversation-model.ts fetches when they say something is missing.
 */

/** Every message of the conversation up to `syncedThrough` came with the snapshot; none above it is missing. */
export function isComplete(messages: readonly Message[], conversationId: string, syncedThrough: number): boolean {
  return highestSeq(messages, conversationId, syncedThrough) >= lastSeqHeld(messages, conversationId);
}

/**
 * A snapshot merged with the messages held (live ones may be newer than it), each once, by seq.
 * The snapshot read the conversation before its messages, so it holds every message up to the
 * conversation's `lastSeq` and its own last one. A live message past a hole above that (its
 * predecessor's frame was lost after the snapshot was read) leaves the result not `isComplete`.
 */
export function mergeSnapshot(
  held: readonly Message[],
  snapshot: Pick<ConversationDetail, 'conversation' | 'messages'>,
): { messages: Message[]; syncedThrough: number } {
  const id = snapshot.conversation.conversationId;
  // The snapshot's copy wins: it is the server's, and held ones only fill in what it predates.
  const { list } = mergeMessages(snapshot.messages, held);
  const syncedThrough = Math.max(lastSeqHeld(snapshot.messages, id), snapshot.conversation.lastSeq);
  return { messages: list, syncedThrough };
}

/**
 * A summary (`conversation_updated` follows every message on the socket) that counts a message
 * this view has not got: the frame of the newest message was lost, and no later one shows the gap.
 */
export function summaryIsAhead(
  messages: readonly Message[],
  syncedThrough: number,
  summary: Pick<ConversationSummary, 'conversationId' | 'lastSeq'>,
): boolean {
  return summary.lastSeq > highestSeq(messages, summary.conversationId, syncedThrough);
}
