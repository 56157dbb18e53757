import { MongoServerError } from 'mongodb';
import type { Filter } from 'mongodb';
import type { ConversationState, Urgency } from '../../shared/entities';
import type { InboxView } from '../../shared/http';
import { normalizeForSearch } from '../../shared/search-text';
import type { Collections } from './database';
import type { HandoffEpisode } from '../entities/episode';
import type { ConversationDoc } from './documents';
import { createKeyedLock } from './keyed-lock';
import { afterInUrgency, afterNewest, type ListPosition } from './list-position';
import { claimUniqueRow } from './unique-row-claim';
import { idReadBatcher } from './id-read-batcher';
import { applyStamps, type ConversationLocks, createStampsBehind } from './stamps-behind';

/**
 * Live: whatever a bot or a person is handling now. A callback-requested conversation waits for
 * a call back, not for a chat: it belongs to the Callbacks view (inbox/models/view-rules.ts
 * applies the same rule to live updates).
 */
const LIVE: ConversationState[] = ['bot', 'queued', 'owned'];

/** Awaiting handoff: most urgent first, then whoever has waited longest (queue-order.ts; the inbox sorts alike). */
const URGENCY_ORDER: Urgency[] = ['urgent', 'high', 'normal', 'low'];
const LIST_LIMIT = 200;
/** A list row never needs the search text, which may be tens of kilobytes. */
const LIST_PROJECTION = { searchText: 0 } as const;

/** What must still hold when a message takes the next seq (a racing claim or barge-in makes it false). */
export interface SeqCondition {
  state?: ConversationState;
  version?: number;
  ownerId?: string;
  /** No message at or after this seq recorded yet (a late write must not bring back an older preview). */
  before?: number;
}

function seqFilter(c: SeqCondition): Filter<ConversationDoc> {
  return {
    ...(c.state !== undefined ? { state: c.state } : {}),
    ...(c.version !== undefined ? { version: c.version } : {}),
    ...(c.ownerId !== undefined ? { 'owner.operatorId': c.ownerId } : {}),
    ...(c.before !== undefined ? { lastSeq: { $lt: c.before } } : {}),
  };
}

/**
 * One lock per conversation for the whole process, not per store: FerretDB 1.24 applies an update
 * as read-modify-write without a row lock, so two writers of one conversation at once can lose one
 * write (MongoDB applies each update atomically). Several app instances in one process (the
 * several-instances tests, the bench) thus write one conversation in turn, as one instance always
 * does; several Baton processes need MongoDB (README, "Several instances").
 */
const withLock = createKeyedLock();

const conversationLocks: ConversationLocks = {
  /** Several conversations' locks at once, taken in one order so two such writers cannot wait on each other. */
  withLocks<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    return [...new Set(keys)].sort().reduceRight<() => Promise<T>>((inner, key) => () => withLock(key, inner), work)();
  },
  isLocked: withLock.isLocked,
};

/** The same test as seqFilter's, on a document in hand. */
export function satisfiesSeqCondition(doc: ConversationDoc, c: SeqCondition): boolean {
  return (
    (c.state === undefined || doc.state === c.state) &&
    (c.version === undefined || doc.version === c.version) &&
    (c.ownerId === undefined || doc.owner?.operatorId === c.ownerId) &&
    (c.before === undefined || doc.lastSeq < c.before)
  );
}

export interface ConversationsStoreOptions {
  /** How long stamps of bot-answered messages wait to be written together (stamps-behind.ts). */
  stampsDelayMs?: number;
  /** A write of waiting stamps failed; `given` of them were given up (the conversations' next writes mend them). */
  onStampsError?: (error: unknown, given: number) => void;
}

export function conversationsStore(c: Collections, options: ConversationsStoreOptions = {}) {
  const col = c.conversations;
  const reads = idReadBatcher(col);
  const behind = createStampsBehind(col, conversationLocks, options.stampsDelayMs ?? 500, options.onStampsError ?? (() => {}));
  /** A conversation as this instance knows it: with its stamps still waiting to be written. */
  const current = async (read: Promise<ConversationDoc | null>): Promise<ConversationDoc | null> => {
    const doc = await read;
    const waiting = doc ? behind.pendingFor(doc._id) : null;
    return doc && waiting ? applyStamps(doc, waiting) : doc;
  };

  /** A row left by a process that died between its insert and its update is cleared once stale (unique-row-claim.ts). */
  function takeLedgerRow(
    row: { _id: string; conversationId: string; from: ConversationState; to: ConversationState },
    expected: { state: ConversationState; version: number },
  ): Promise<boolean> {
    const stillAtExpected = async () =>
      (await col.countDocuments({ _id: row.conversationId, state: expected.state, version: expected.version })) > 0;
    return claimUniqueRow(c.transitions, { ...row, at: new Date() }, stillAtExpected);
  }
  const store = {
    async insert(doc: ConversationDoc): Promise<void> {
      await col.insertOne(doc);
    },
    /** Inserts unless a conversation with this id exists; false when another writer got there first. */
    async insertIfAbsent(doc: ConversationDoc): Promise<boolean> {
      try {
        await col.insertOne(doc);
        return true;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === 11000) return false;
        throw error;
      }
    },
    get(conversationId: string): Promise<ConversationDoc | null> {
      return current(col.findOne({ _id: conversationId }));
    },
    /** Visitor names by conversation id, for lists that show who a row is about. */
    async visitorNames(conversationIds: string[]): Promise<Map<string, string | null>> {
      if (conversationIds.length === 0) return new Map();
      const found = await col.find({ _id: { $in: conversationIds } }, { projection: { visitorName: 1 } }).toArray();
      return new Map(found.map((c) => [c._id, c.visitorName ?? null]));
    },
    latestForVisitor(visitorId: string): Promise<ConversationDoc | null> {
      return current(col.find({ visitorId }).sort({ createdAt: -1 }).limit(1).next());
    },
    /**
     * The one place ownership changes. Two guards make two racing transitions yield
     * exactly one winner, the loser getting null: an insert into the transitions
     * ledger whose _id names the version being created (unique, so the database
     * itself refuses a second one), then the update with state and version in its filter.
     */
    transition(
      conversationId: string,
      expected: { state: ConversationState; version: number },
      set: Partial<ConversationDoc>,
    ): Promise<ConversationDoc | null> {
      return withLock(conversationId, async () => {
        const row = {
          _id: `${conversationId}#${expected.version + 1}`,
          conversationId,
          from: expected.state,
          to: set.state ?? expected.state,
        };
        if (!(await takeLedgerRow(row, expected))) return null;
        const release = () => c.transitions.deleteOne({ _id: row._id }).catch(() => undefined);
        try {
          const updated = await col.findOneAndUpdate(
            { _id: conversationId, state: expected.state, version: expected.version },
            { $set: set },
            { returnDocument: 'after' },
          );
          // Not applied: the row must not block the version it names.
          if (!updated) await release();
          return updated;
        } catch (error) {
          await release();
          throw error;
        }
      });
    },
    /**
     * Records that the message with `seq` was (or is about to be) stored: activity, preview, and
     * lastSeq raised to it. `onlyIf` narrows who may post: the bot passes its (state, version) so a
     * reply in flight when a human took over is refused (null). The seq itself is claimed by the
     * message insert (messages-store.ts), so a process dying between the two leaves no hole.
     * The activity dates only ever move forward: a visitor message's stamps may arrive with the
     * bot's reply, after a later message's (flows/visitor/commands.ts).
     */
    recordMessage(
      conversationId: string,
      seq: number,
      set: Partial<ConversationDoc>,
      onlyIf: SeqCondition = {},
    ): Promise<ConversationDoc | null> {
      const filter = { _id: conversationId, ...seqFilter(onlyIf) };
      const { lastActivityAt, lastVisitorActivityAt, ...rest } = set;
      const update = {
        ...(Object.keys(rest).length > 0 ? { $set: rest } : {}),
        $max: {
          lastSeq: seq,
          ...(lastActivityAt ? { lastActivityAt } : {}),
          ...(lastVisitorActivityAt ? { lastVisitorActivityAt } : {}),
        },
      };
      return withLock(conversationId, async () => {
        for (let attempt = 0; ; attempt++) {
          const updated = await col.findOneAndUpdate(filter, update, { returnDocument: 'after' });
          // FerretDB 1.24 can answer null when another instance wrote the document at the same moment,
          // though it still matches: only a conversation that no longer matches is a refusal.
          if (updated || attempt >= 3 || (await col.countDocuments(filter)) === 0) return updated;
        }
      });
    },
    /**
     * For a reply that writes its stamps behind: the conversation as it is now (with this instance's
     * stamps still waiting), if it satisfies `onlyIf`; null otherwise. A read, batched with the
     * others of the moment: the same guard as recordMessage's filter, without its write.
     */
    async checked(conversationId: string, onlyIf: SeqCondition): Promise<ConversationDoc | null> {
      const doc = await current(reads.get(conversationId));
      return doc && satisfiesSeqCondition(doc, onlyIf) ? doc : null;
    },
    /** A stored message's stamps, written behind (stamps-behind.ts); returns the conversation as it will be. */
    stampBehind(doc: ConversationDoc, seq: number, set: Partial<ConversationDoc>): ConversationDoc {
      const stamps = {
        seq,
        version: doc.version,
        preview: set.lastMessagePreview ?? null,
        lastActivityAt: set.lastActivityAt ?? doc.lastActivityAt,
        lastVisitorActivityAt: set.lastVisitorActivityAt ?? null,
      };
      behind.add(doc._id, stamps);
      return applyStamps(doc, stamps);
    },
    /** Writes the stamps still waiting (on the way out, before the client closes). */
    flushStamps: (): Promise<void> => behind.flush(),
    /** The visitor came or went; no version change. Null when the conversation is gone. */
    setVisitorPresence(conversationId: string, presence: { online: boolean; since: Date }): Promise<ConversationDoc | null> {
      return withLock(conversationId, () =>
        col.findOneAndUpdate({ _id: conversationId }, { $set: { visitorPresence: presence } }, { returnDocument: 'after' }),
      );
    },
    /** What a resolved conversation is found by; no version change, nothing else touched. */
    async setSearchText(conversationId: string, searchText: string): Promise<void> {
      await withLock(conversationId, () => col.updateOne({ _id: conversationId }, { $set: { searchText } }));
    },
    /** Ends the offer made to this operator, or null when it is no longer theirs (lapsed, moved, already accepted). */
    takeOffer(conversationId: string, operatorId: string, set: Partial<ConversationDoc>): Promise<ConversationDoc | null> {
      return withLock(conversationId, () =>
        col.findOneAndUpdate(
          { _id: conversationId, state: 'owned', 'offer.operatorId': operatorId },
          { $set: { ...set, offer: null } },
          { returnDocument: 'after' },
        ),
      );
    },
    /**
     * Read-decide-write of the episodes (domain/episodes.ts), conditional on the version read: a
     * transition in between (which rewrites the episodes itself) makes it decide again.
     * `change` returns null when nothing changes.
     */
    async updateEpisodes(
      conversationId: string,
      change: (episodes: HandoffEpisode[] | undefined) => HandoffEpisode[] | null,
      extra: Partial<ConversationDoc> = {},
    ): Promise<ConversationDoc | null> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const outcome = await withLock(conversationId, async () => {
          const doc = await col.findOne({ _id: conversationId });
          const episodes = doc ? change(doc.episodes) : null;
          if (!doc || (!episodes && Object.keys(extra).length === 0)) return { settled: true, doc };
          const set = { ...extra, ...(episodes ? { episodes } : {}) };
          const updated = await col.findOneAndUpdate(
            { _id: conversationId, version: doc.version },
            { $set: set },
            { returnDocument: 'after' },
          );
          return { settled: updated !== null, doc: updated };
        });
        if (outcome.settled) return outcome.doc;
      }
      return null;
    },
    patch(conversationId: string, set: Partial<ConversationDoc>): Promise<ConversationDoc | null> {
      return withLock(conversationId, () => col.findOneAndUpdate({ _id: conversationId }, { $set: set }, { returnDocument: 'after' }));
    },
    /** Every site and queue someone is waiting in now. */
    async waitingQueues(): Promise<{ siteId: string; queue: string }[]> {
      const rows = await col.find({ state: 'queued' }, { projection: { siteId: 1, queue: 1 } }).toArray();
      const keys = new Set(rows.filter((r) => r.queue).map((r) => JSON.stringify([r.siteId, r.queue])));
      return [...keys].map((k) => JSON.parse(k) as [string, string]).map(([siteId, queue]) => ({ siteId, queue }));
    },
    /** Every conversation waiting for a person now, with just what the queue metrics read. */
    waitingNow(): Promise<Pick<ConversationDoc, 'siteId' | 'queue' | 'escalatedAt'>[]> {
      return col.find({ state: 'queued' }, { projection: { _id: 0, siteId: 1, queue: 1, escalatedAt: 1 } }).toArray();
    },
    queued(siteId: string, queue: string): Promise<ConversationDoc[]> {
      return col.find({ siteId, queue, state: 'queued' }).toArray();
    },
    waitingForSite(siteId: string): Promise<ConversationDoc[]> {
      return col.find({ siteId, state: { $in: ['queued', 'callback_requested'] } }).toArray();
    },
    /** The newest claims' escalation and claim times (only those two fields): the team's measured pace. */
    async recentClaims(siteId: string, since: Date, limit: number): Promise<{ escalatedAt: Date; claimedAt: Date }[]> {
      const docs = await col
        .find({ siteId, claimedAt: { $gte: since } }, { projection: { escalatedAt: 1, claimedAt: 1 } })
        .sort({ claimedAt: -1 })
        .limit(limit)
        .toArray();
      return docs.filter(
        (d): d is typeof d & { escalatedAt: Date; claimedAt: Date } => d.escalatedAt instanceof Date && d.claimedAt instanceof Date,
      );
    },
    recentlyEscalated(siteId: string, since: Date): Promise<ConversationDoc[]> {
      return col.find({ siteId, escalatedAt: { $gte: since } }).toArray();
    },
    expiredOffers(now: Date): Promise<ConversationDoc[]> {
      return col.find({ state: 'owned', 'offer.expiresAt': { $lt: now } }).toArray();
    },
    countForVisitor(visitorId: string): Promise<number> {
      return col.countDocuments({ visitorId });
    },
    /** The ids of the conversations an operator holds on one site (owned, or offered to them). */
    async heldOnSite(operatorId: string, siteId: string): Promise<string[]> {
      const docs = await col.find({ siteId, 'owner.operatorId': operatorId, state: 'owned' }, { projection: { _id: 1 } }).toArray();
      return docs.map((d) => d._id);
    },
    activeOwnedBy(operatorId: string): Promise<number> {
      return col.countDocuments({ 'owner.operatorId': operatorId, state: 'owned' });
    },
    idleActive(before: Date): Promise<ConversationDoc[]> {
      return col.find({ state: { $in: ['bot', 'owned'] }, lastVisitorActivityAt: { $lt: before } }).toArray();
    },
    /**
     * One page of an inbox view, after `after` when given; `more` says whether another page follows.
     * Fetches one row past the page to know that without counting.
     */
    async list(
      siteIds: string[],
      view: InboxView,
      opts: { queue?: string; q?: string; operatorId: string; after?: ListPosition; limit?: number },
    ): Promise<{ conversations: ConversationDoc[]; more: boolean }> {
      const limit = opts.limit ?? LIST_LIMIT;
      const filter: Filter<ConversationDoc> = { siteId: { $in: siteIds } };
      if (view === 'awaiting') filter.state = 'queued';
      if (view === 'live') filter.state = { $in: LIVE };
      if (view === 'mine') Object.assign(filter, { state: 'owned', 'owner.operatorId': opts.operatorId });
      // Resolved at least once: a conversation a visitor reopened keeps its place in the history.
      if (view === 'resolved') filter.$and = [RESOLVED_EVER];
      if (opts.queue) filter.queue = opts.queue;
      if (opts.q) {
        const rx = { $regex: escapeRegex(opts.q), $options: 'i' };
        // searchText is normalised on write, so the normalised words match it case-sensitively (no
        // collation on FerretDB 1.24); the other fields find conversations resolved before it existed.
        const words = normalizeForSearch(opts.q);
        const inText = words ? [{ searchText: { $regex: escapeRegex(words) } }] : [];
        filter.$or = [...inText, { visitorName: rx }, { lastMessagePreview: rx }, { intent: rx }, { handoffTopic: rx }];
      }
      const page = (found: ConversationDoc[]) => ({ conversations: found.slice(0, limit), more: found.length > limit });
      const after = opts.after;
      if (after && after.view !== view) throw new Error(`A ${after.view} list position cannot page the ${view} view`);
      if (view !== 'awaiting') {
        const query = after && after.view !== 'awaiting' ? { ...filter, $and: [...(filter.$and ?? []), afterNewest(after)] } : filter;
        return page(
          await col
            .find(query, { projection: LIST_PROJECTION })
            .sort({ lastActivityAt: -1, _id: 1 })
            .limit(limit + 1)
            .toArray(),
        );
      }
      // Urgency is a word, so the database cannot sort by its rank: one query per level, in order,
      // so the limit cuts the newest and least urgent, never the longest waiting. A cursor resumes
      // inside its own level and takes every later level whole.
      const found: ConversationDoc[] = [];
      const from = after?.view === 'awaiting' ? URGENCY_ORDER.indexOf(after.urgency) : 0;
      for (const urgency of URGENCY_ORDER.slice(from)) {
        if (found.length > limit) break;
        const resume = after?.view === 'awaiting' && after.urgency === urgency ? { $and: [afterInUrgency(after)] } : {};
        const level = await col
          .find({ ...filter, urgency, ...resume }, { projection: LIST_PROJECTION })
          .sort({ escalatedAt: 1, createdAt: 1, _id: 1 })
          .limit(limit + 1 - found.length)
          .toArray();
        found.push(...level);
      }
      return page(found);
    },
    async counts(siteIds: string[], operatorId: string): Promise<Record<string, number>> {
      const base = { siteId: { $in: siteIds } };
      const [awaiting, live, mine, resolved] = await Promise.all([
        col.countDocuments({ ...base, state: 'queued' }),
        col.countDocuments({ ...base, state: { $in: LIVE } }),
        col.countDocuments({ ...base, state: 'owned', 'owner.operatorId': operatorId }),
        col.countDocuments({ ...base, ...RESOLVED_EVER }),
      ]);
      return { awaiting, live, mine, resolved };
    },
  };
  // What this instance writes comes back with its waiting stamps, as the database will hold it.
  const withCurrent =
    <A extends unknown[]>(write: (...args: A) => Promise<ConversationDoc | null>) =>
    (...args: A) =>
      current(write(...args));
  return {
    ...store,
    transition: withCurrent(store.transition),
    recordMessage: withCurrent(store.recordMessage),
    setVisitorPresence: withCurrent(store.setVisitorPresence),
    takeOffer: withCurrent(store.takeOffer),
    updateEpisodes: withCurrent(store.updateEpisodes),
    patch: withCurrent(store.patch),
  };
}

// Conversations stored before lastResolvedAt existed count by their state.
const RESOLVED_EVER: Filter<ConversationDoc> = { $or: [{ state: 'resolved' }, { lastResolvedAt: { $ne: null } }] };

export type ConversationsStore = ReturnType<typeof conversationsStore>;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
