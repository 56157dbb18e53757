// Exits 0 when the MongoDB-compatible server at argv[2] answers `ping`.
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.argv[2], { serverSelectionTimeoutMS: 1000 });
try {
  await client.db('admin').command({ ping: 1 });
  process.exit(0);
} catch {
  process.exit(1);
} finally {
  await client.close().catch(() => {});
}
