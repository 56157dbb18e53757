import { type AnyBulkWriteOperation, type Collection, MongoNotConnectedError, MongoTopologyClosedError } from 'mongodb';
import type { ConversationDoc } from './documents';

/**
 * What one stored message changes on its conversation: the last seq, the preview, the activity
 * dates. `version` is the conversation's version the message was posted under: the preview is
 * only written while the conversation is still at it (an erasure or a takeover since then keeps
 * its own), the seq and the dates always, since the message is stored either way.
 */
export interface MessageStamps {
  seq: number;
  version: number;
  preview: string | null;
  lastActivityAt: Date;
  lastVisitorActivityAt: Date | null;
}

const later = (a: Date | null, b: Date | null): Date | null => (a === null ? b : b === null || a >= b ? a : b);

/** Two messages' stamps as one: the later message's seq, version and preview, the later of each date. */
export function mergeStamps(a: MessageStamps, b: MessageStamps): MessageStamps {
  const newer = a.seq <= b.seq ? b : a;
  return {
    seq: newer.seq,
    version: newer.version,
    preview: newer.preview,
    lastActivityAt: later(a.lastActivityAt, b.lastActivityAt) as Date,
    lastVisitorActivityAt: later(a.lastVisitorActivityAt, b.lastVisitorActivityAt),
  };
}

const takesPreview = (doc: Pick<ConversationDoc, 'lastSeq' | 'version'>, stamps: MessageStamps) =>
  doc.lastSeq < stamps.seq && doc.version === stamps.version && stamps.preview !== null;

/** The conversation as the database will hold it once the stamps are written (the same rules as stampsUpdates). */
export function applyStamps(doc: ConversationDoc, stamps: MessageStamps): ConversationDoc {
  return {
    ...doc,
    lastSeq: Math.max(doc.lastSeq, stamps.seq),
    ...(takesPreview(doc, stamps) ? { lastMessagePreview: stamps.preview } : {}),
    lastActivityAt: later(doc.lastActivityAt, stamps.lastActivityAt) as Date,
    lastVisitorActivityAt: later(doc.lastVisitorActivityAt, stamps.lastVisitorActivityAt) as Date,
  };
}

/**
 * Two updates per conversation, of which exactly one matches whatever happened meanwhile: with the
 * preview while no later message is recorded and the version is unchanged, without it otherwise.
 * Either way the seq and the dates only move forward.
 */
export function stampsUpdates(conversationId: string, stamps: MessageStamps): AnyBulkWriteOperation<ConversationDoc>[] {
  const forward = {
    $max: {
      lastSeq: stamps.seq,
      lastActivityAt: stamps.lastActivityAt,
      ...(stamps.lastVisitorActivityAt ? { lastVisitorActivityAt: stamps.lastVisitorActivityAt } : {}),
    },
  };
  if (stamps.preview === null) return [{ updateOne: { filter: { _id: conversationId }, update: forward } }];
  return [
    {
      updateOne: {
        filter: { _id: conversationId, version: stamps.version, lastSeq: { $lt: stamps.seq } },
        update: { $set: { lastMessagePreview: stamps.preview }, ...forward },
      },
    },
    {
      updateOne: {
        filter: { _id: conversationId, $or: [{ version: { $ne: stamps.version } }, { lastSeq: { $gte: stamps.seq } }] },
        update: forward,
      },
    },
  ];
}

/**
 * Conversations per bulk command. FerretDB 1.24 holds a PostgreSQL connection for each statement of
 * an update command until the command ends: one command of about a hundred statements takes its
 * whole pool and FerretDB stops answering for good (seen in the bench at 200 visitors). Written one
 * chunk after another, the stamps never hold more than 2 × this many connections.
 */
const CONVERSATIONS_PER_COMMAND = 10;

/** Writes that failed this many times in a row are given up (logged): the conversation's next write mends them. */
const MAX_ATTEMPTS = 5;
const clientGone = (error: unknown) => error instanceof MongoNotConnectedError || error instanceof MongoTopologyClosedError;

export interface ConversationLocks {
  /** Runs `work` holding these conversations' in-process write locks (conversations-store.ts). */
  withLocks<T>(keys: string[], work: () => Promise<T>): Promise<T>;
  /** A write of this conversation is under way or waiting in this process. */
  isLocked(key: string): boolean;
}

/**
 * Conversation stamps of bot-answered messages, written behind: gathered per conversation and
 * written every `delayMs` in unordered bulk writes, so a conversation that exchanges several
 * messages meanwhile is written once, and ten conversations in one command. The messages
 * themselves are stored before anyone hears of them; only these stamps wait. Everyone who needs
 * them at once has them: the sockets through the hub, this instance through its store (which adds
 * waiting stamps to what it reads) and its copy (conversation-copies.ts). The price, documented in
 * the README: a process that dies loses at most `delayMs` of stamps (activity, preview, lastSeq),
 * mended when its visitor comes back (flows/visitor/session.ts) or by the conversation's next
 * write; `flush()` on the way out writes what waits. Writes take the per-conversation locks, as
 * every conversation write does; a conversation whose lock is busy waits for the next round
 * rather than holding up the others.
 */
export function createStampsBehind(
  col: Collection<ConversationDoc>,
  locks: ConversationLocks,
  delayMs: number,
  onError: (error: unknown, given: number) => void,
) {
  const waiting = new Map<string, { stamps: MessageStamps; failures: number }>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  const keep = (conversationId: string, stamps: MessageStamps, failures = 0) => {
    const held = waiting.get(conversationId);
    waiting.set(conversationId, held ? { stamps: mergeStamps(held.stamps, stamps), failures } : { stamps, failures });
  };
  const schedule = () => {
    if (timer || waiting.size === 0) return;
    timer = setTimeout(() => {
      timer = null;
      writing = writing.then(() => write(false));
    }, delayMs);
    timer.unref();
  };

  const writeChunk = async (chunk: [string, { stamps: MessageStamps; failures: number }][]): Promise<void> => {
    try {
      await locks.withLocks(
        chunk.map(([id]) => id),
        () =>
          col.bulkWrite(
            chunk.flatMap(([id, w]) => stampsUpdates(id, w.stamps)),
            { ordered: false },
          ),
      );
    } catch (error) {
      // Kept for the next write (an update that did apply is refused harmlessly the second time),
      // unless the client is closed or they failed too often.
      const kept = clientGone(error) ? [] : chunk.filter(([, w]) => w.failures + 1 < MAX_ATTEMPTS);
      for (const [id, w] of kept) keep(id, w.stamps, w.failures + 1);
      onError(error, chunk.length - kept.length);
    }
  };

  const write = async (all: boolean): Promise<void> => {
    const batch = [...waiting].filter(([id]) => all || !locks.isLocked(id));
    for (const [id] of batch) waiting.delete(id);
    for (let i = 0; i < batch.length; i += CONVERSATIONS_PER_COMMAND) await writeChunk(batch.slice(i, i + CONVERSATIONS_PER_COMMAND));
    schedule();
  };

  return {
    add(conversationId: string, stamps: MessageStamps): void {
      keep(conversationId, stamps, waiting.get(conversationId)?.failures ?? 0);
      schedule();
    },
    /** Stamps of this conversation still waiting to be written. */
    pendingFor(conversationId: string): MessageStamps | null {
      return waiting.get(conversationId)?.stamps ?? null;
    },
    /** Writes everything waiting now (the way out, an erasure), after any write already under way. */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      writing = writing.then(() => write(true));
      await writing;
    },
  };
}

export type StampsBehind = ReturnType<typeof createStampsBehind>;
