import { MongoClient } from 'mongodb';
import { SiteConfig, type SiteConfigInput } from '../../shared/site-config';

/** Direct access to the e2e database, for arranging a journey's preconditions (site settings, clock-bound data). */
export async function withE2eDb<T>(fn: (db: import('mongodb').Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(process.env.MONGODB_URI!, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
  try {
    return await fn(client.db(process.env.E2E_DB ?? 'baton_e2e'));
  } finally {
    await client.close();
  }
}

export async function patchDemoConfig(patch: (current: SiteConfigInput) => SiteConfigInput): Promise<void> {
  await withE2eDb(async (db) => {
    const site = await db.collection<{ _id: string; config: SiteConfigInput; configVersion: number }>('sites').findOne({ _id: 'site-demo' });
    if (!site) throw new Error('demo site not seeded');
    const config = SiteConfig.parse(patch(site.config));
    await db.collection<{ _id: string }>('sites').updateOne({ _id: 'site-demo' }, { $set: { config }, $inc: { configVersion: 1 } });
  });
}
