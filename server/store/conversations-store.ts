import { type Filter, MongoServerError } from 'mongodb';
import type { ConversationState } from '../../shared/entities';
import type { InboxView } from '../../shared/http';
import type { Collections } from './database';
import type { ConversationDoc } from './documents';
import { createKeyedLock } from './keyed-lock';

const ACTIVE: ConversationState[] = ['bot', 'queued', 'owned', 'callback_requested'];

export function conversationsStore(c: Collections) {
  const col = c.conversations;
  const withLock = createKeyedLock();
  return {
    async insert(doc: ConversationDoc): Promise<void> {
      await col.insertOne(doc);
    },
    get(conversationId: string): Promise<ConversationDoc | null> {
      return col.findOne({ _id: conversationId });
    },
    latestForVisitor(visitorId: string): Promise<ConversationDoc | null> {
      return col.find({ visitorId }).sort({ createdAt: -1 }).limit(1).next();
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
        try {
          await c.transitions.insertOne({
            _id: `${conversationId}#${expected.version + 1}`,
            conversationId,
            from: expected.state,
            to: set.state ?? expected.state,
            at: new Date(),
          });
        } catch (error) {
          if (error instanceof MongoServerError && error.code === 11000) return null;
          throw error;
        }
        return col.findOneAndUpdate(
          { _id: conversationId, state: expected.state, version: expected.version },
          { $set: set },
          { returnDocument: 'after' },
        );
      });
    },
    /**
     * Reserves the next sequence number. `onlyIf` narrows who may post: the bot
     * passes its (state, version) so a reply in flight when a human took over is refused.
     */
    async allocateSeq(
      conversationId: string,
      set: Partial<ConversationDoc>,
      onlyIf: Filter<ConversationDoc> = {},
    ): Promise<ConversationDoc | null> {
      return withLock(conversationId, () =>
        col.findOneAndUpdate({ _id: conversationId, ...onlyIf }, { $inc: { lastSeq: 1 }, $set: set }, { returnDocument: 'after' }),
      );
    },
    patch(conversationId: string, set: Partial<ConversationDoc>): Promise<ConversationDoc | null> {
      return withLock(conversationId, () => col.findOneAndUpdate({ _id: conversationId }, { $set: set }, { returnDocument: 'after' }));
    },
    queued(siteId: string, queue: string): Promise<ConversationDoc[]> {
      return col.find({ siteId, queue, state: 'queued' }).toArray();
    },
    waitingForSite(siteId: string): Promise<ConversationDoc[]> {
      return col.find({ siteId, state: { $in: ['queued', 'callback_requested'] } }).toArray();
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
    activeOwnedBy(operatorId: string): Promise<number> {
      return col.countDocuments({ 'owner.operatorId': operatorId, state: 'owned' });
    },
    idleActive(before: Date): Promise<ConversationDoc[]> {
      return col.find({ state: { $in: ['bot', 'owned'] }, lastVisitorActivityAt: { $lt: before } }).toArray();
    },
    list(siteIds: string[], view: InboxView, opts: { queue?: string; q?: string; operatorId: string }): Promise<ConversationDoc[]> {
      const filter: Filter<ConversationDoc> = { siteId: { $in: siteIds } };
      if (view === 'awaiting') filter.state = 'queued';
      if (view === 'live') filter.state = { $in: ACTIVE };
      if (view === 'mine') Object.assign(filter, { state: 'owned', 'owner.operatorId': opts.operatorId });
      if (view === 'resolved') filter.state = 'resolved';
      if (opts.queue) filter.queue = opts.queue;
      if (opts.q) {
        const rx = { $regex: escapeRegex(opts.q), $options: 'i' };
        filter.$or = [{ visitorName: rx }, { lastMessagePreview: rx }, { intent: rx }, { handoffTopic: rx }];
      }
      return col.find(filter).sort({ lastActivityAt: -1 }).limit(200).toArray();
    },
    async counts(siteIds: string[], operatorId: string): Promise<Record<string, number>> {
      const base = { siteId: { $in: siteIds } };
      const [awaiting, live, mine, resolved] = await Promise.all([
        col.countDocuments({ ...base, state: 'queued' }),
        col.countDocuments({ ...base, state: { $in: ACTIVE } }),
        col.countDocuments({ ...base, state: 'owned', 'owner.operatorId': operatorId }),
        col.countDocuments({ ...base, state: 'resolved' }),
      ]);
      return { awaiting, live, mine, resolved };
    },
  };
}

export type ConversationsStore = ReturnType<typeof conversationsStore>;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
