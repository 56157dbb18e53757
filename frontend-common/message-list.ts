import type { Message } from '../shared/entities';

const keyOf = (message: Message) => `${message.conversationId}:${message.seq}`;

/**
 * Adds incoming messages once each. A message is identified by conversation and seq, so a frame
 * seen twice (welcome after resume, two tabs, a resent clientMessageId answered with the original)
 * never shows twice. Returns the same array when nothing is new, so the signal does not notify.
 */
export function mergeMessages(current: Message[], incoming: readonly Message[]): { list: Message[]; added: Message[] } {
  const seen = new Set(current.map(keyOf));
  const added: Message[] = [];
  for (const message of incoming) {
    const key = keyOf(message);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(message);
  }
  if (added.length === 0) return { list: current, added };
  const list = [...current, ...added];
  // Conversations in the order they started, messages by seq within each.
  const startedAt = new Map<string, string>();
  for (const m of list) {
    const known = startedAt.get(m.conversationId);
    if (known === undefined || m.createdAt < known) startedAt.set(m.conversationId, m.createdAt);
  }
  list.sort((a, b) => {
    if (a.conversationId === b.conversationId) return a.seq - b.seq;
    const sa = startedAt.get(a.conversationId) ?? '';
    const sb = startedAt.get(b.conversationId) ?? '';
    return sa < sb ? -1 : sa > sb ? 1 : a.conversationId < b.conversationId ? -1 : 1;
  });
  return { list, added };
}

/**
 * The end of the unbroken run of seqs held for one conversation: what `hello` and `resume` ask to
 * continue after, and where a live message is expected to follow. Not simply the highest: with
 * several server instances a message can arrive before an earlier one (its own instance is quicker
 * than the event bus), and resuming after the highest would skip the one still on its way.
 * `syncedThrough`: the server's snapshot covered every message up to that seq, so the run starts
 * there at the latest (a seq missing below it is gone on the server, e.g. erased, not on its way).
 */
export function highestSeq(messages: readonly Message[], conversationId: string | null, syncedThrough = 0): number {
  const seqs = messages.filter((m) => m.conversationId === conversationId).map((m) => m.seq);
  if (seqs.length === 0) return syncedThrough;
  seqs.sort((a, b) => a - b);
  let end = Math.max(seqs[0]!, syncedThrough);
  for (const seq of seqs) if (seq === end + 1) end = seq;
  return end;
}

/** The highest seq held for one conversation (0 when none). */
export function lastSeqHeld(messages: readonly Message[], conversationId: string | null): number {
  let last = 0;
  for (const m of messages) if (m.conversationId === conversationId && m.seq > last) last = m.seq;
  return last;
}

/**
 * Adds incoming messages (mergeMessages) and says whether frames went missing: seq is contiguous
 * within a conversation, so a message of `conversationId` past the end of the unbroken run means
 * the ones between never arrived. `gapAfter` is that end (fetch what follows it), else null.
 * Nothing held yet (no run to follow) is no gap: the history comes with the snapshot.
 */
export function acceptMessages(
  current: Message[],
  incoming: readonly Message[],
  conversationId: string | null,
  syncedThrough = 0,
): { list: Message[]; added: Message[]; gapAfter: number | null } {
  const before = highestSeq(current, conversationId, syncedThrough);
  const { list, added } = mergeMessages(current, incoming);
  const jumped = added.some((m) => m.conversationId === conversationId && before > 0 && m.seq > before + 1);
  return { list, added, gapAfter: jumped ? before : null };
}
