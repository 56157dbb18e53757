// Seeds the demo site and operators into MONGODB_URI / MONGODB_DB (idempotent).
import { createStore } from '../server/store';
import { connectDatabase } from '../server/store/database';
import { demoOrigins, seedDemo } from '../server/seed/seed-demo';

const uri = process.env.MONGODB_URI;
if (!uri) {
  console.error('MONGODB_URI is not set: run through `npm run demo`, or set it to your MongoDB.');
  process.exit(2);
}
const { client, db } = await connectDatabase(uri, process.env.MONGODB_DB ?? 'baton');
const store = createStore(db);
await store.ensureIndexes();
await seedDemo(store, new Date(), { origins: demoOrigins(Number(process.env.PORT ?? 3000), process.env.PUBLIC_URL) });
await client.close();
