import { randomUUID } from 'node:crypto';
import { type HarnessOptions, type InstanceHarness, startHarness } from './harness';

/**
 * Several real app instances on one database, each with the database event bus, as a deployment
 * behind a load balancer without sticky sessions would run them.
 */
export interface Instances {
  databaseName: string;
  all: InstanceHarness[];
  /** Starts one more instance on the same database (e.g. a restart). */
  startOne(name: string): Promise<InstanceHarness>;
  close(): Promise<void>;
}

export async function startInstances(
  names: string[],
  options: Omit<HarnessOptions, 'databaseName' | 'eventBus' | 'keepDatabase'> & { heartbeatMs?: number; staleAfterMs?: number } = {},
): Promise<Instances> {
  const databaseName = `baton_test_${randomUUID().slice(0, 8)}`;
  const { heartbeatMs, staleAfterMs, ...rest } = options;
  const all: InstanceHarness[] = [];
  const startOne = async (name: string) => {
    const h = await startHarness({
      ...rest,
      databaseName,
      keepDatabase: true,
      eventBus: { instanceId: `${name}-${randomUUID().slice(0, 6)}`, heartbeatMs, staleAfterMs },
    });
    all.push(h);
    return h;
  };
  // One after the other, as a rolling deployment starts them.
  for (const name of names) await startOne(name);
  return {
    databaseName,
    all,
    startOne,
    async close() {
      const [first, ...others] = all;
      for (const h of others) await h.close().catch(() => {});
      // The last one drops the shared database.
      if (first) await first.db.dropDatabase().catch(() => {});
      await first?.close().catch(() => {});
    },
  };
}
