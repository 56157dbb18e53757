// The real app on a loopback port over a fresh database, with a MongoClient whose commands are
// counted (driver command monitoring), so a section can say how many commands a message costs.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type CommandStartedEvent, MongoClient } from 'mongodb';
import pino from 'pino';
import { buildApp } from '../../server/app';
import { createFlowDeps } from '../../server/composition';
import type { Harness } from '../../server/test-support/harness';

export interface AppUnderTest extends Harness {
  /** Commands the app's client started since the last reset, by command name. */
  commands: Map<string, number>;
  resetCommands(): void;
  commandTotal(): number;
}

export function databaseUri(): string {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: run with `npm run bench` (it starts the local database).');
  return uri;
}

export async function startAppUnderTest(): Promise<AppUnderTest> {
  const client = new MongoClient(databaseUri(), { serverSelectionTimeoutMS: 5000, monitorCommands: true });
  await client.connect();
  const db = client.db(`baton_bench_${randomUUID().slice(0, 8)}`);
  const commands = new Map<string, number>();
  // BENCH_DEBUG counts by command and collection ("find:conversations"), to see which reads a change added.
  const keyOf = (e: CommandStartedEvent) => (process.env.BENCH_DEBUG ? `${e.commandName}:${e.command[e.commandName]}` : e.commandName);
  client.on('commandStarted', (e: CommandStartedEvent) => commands.set(keyOf(e), (commands.get(keyOf(e)) ?? 0) + 1));
  const log = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' });
  const deps = createFlowDeps(db, log);
  await deps.store.ensureIndexes();
  const app = await buildApp({
    deps,
    logger: log,
    staticDir: 'dist/public',
    demoSiteKey: 'bench',
    sessionTtlMs: 3600_000,
    cookieSecure: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    deps,
    db,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    countCommands() {
      const seen: string[] = [];
      const listener = (e: CommandStartedEvent) =>
        seen.push(process.env.BENCH_DEBUG ? `${e.commandName}:${e.command[e.commandName]}` : e.commandName);
      client.on('commandStarted', listener);
      return { names: () => [...seen], stop: () => client.off('commandStarted', listener) };
    },
    commands,
    resetCommands: () => commands.clear(),
    commandTotal: () => [...commands.values()].reduce((a, b) => a + b, 0),
    async close() {
      await app.close();
      await db.dropDatabase().catch(() => {});
      await client.close();
    },
  };
}
