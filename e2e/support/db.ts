import { MongoClient } from 'mongodb';
import type { ConversationDoc } from '../../server/store/documents';
import { conversationDoc } from '../../server/test-support/conversation-doc';
import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';

/** Direct access to the e2e database, for arranging a journey's preconditions (site settings, clock-bound data). */
export async function withE2eDb<T>(fn: (db: import('mongodb').Db) => Promise<T>, database = process.env.E2E_DB ?? 'baton_e2e'): Promise<T> {
  const client = new MongoClient(process.env.MONGODB_URI!, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    return await fn(client.db(database));
  } finally {
    await client.close();
  }
}

export async function patchDemoConfig(patch: (current: SiteConfigInput) => SiteConfigInput): Promise<void> {
  await withE2eDb(async (db) => {
    const site = await db
      .collection<{ _id: string; config: SiteConfigInput; configVersion: number }>('sites')
      .findOne({ _id: 'site-demo' });
    if (!site) throw new Error('demo site not seeded');
    const config = SiteConfig.parse(patch(site.config));
    await db.collection<{ _id: string }>('sites').updateOne({ _id: 'site-demo' }, { $set: { config }, $inc: { configVersion: 1 } });
  });
}

/** Closes every open conversation, so a journey about queue places starts with an empty queue. */
/** Insights count every handoff of the site: a journey that checks figures starts them from zero (earlier journeys' handoffs stay in the database). */
export async function clearHandoffMeasures(): Promise<void> {
  await closeOpenConversations();
  await withE2eDb(async (db) => {
    for (const name of ['episode_rollups', 'episode_rows', 'review_marks']) await db.collection(name).deleteMany({});
  });
}

export async function closeOpenConversations(): Promise<void> {
  await withE2eDb(async (db) => {
    await db
      .collection('conversations')
      .updateMany({ state: { $ne: 'resolved' } }, { $set: { state: 'resolved', owner: null, offer: null, resolvedAt: new Date() } });
  });
}

/** Recent claims and handle times, so the wait estimate has enough data to give a range. */
export async function seedRecentHandoffs(count: number, claimAfterSeconds: number, handleSeconds: number): Promise<void> {
  const now = Date.now();
  await withE2eDb(async (db) => {
    await db.collection<ConversationDoc>('conversations').insertMany(
      Array.from({ length: count }, (_, i) => {
        const escalatedAt = new Date(now - 3600_000 + i * 60_000);
        const claimedAt = new Date(escalatedAt.getTime() + claimAfterSeconds * 1000);
        return conversationDoc({
          _id: `history-${now}-${i}`,
          siteId: 'site-demo',
          visitorId: `history-${i}`,
          state: 'resolved',
          version: 3,
          triggers: ['human_request'],
          createdAt: escalatedAt,
          claimedAt,
          resolvedAt: new Date(claimedAt.getTime() + handleSeconds * 1000),
        });
      }),
    );
  });
}
