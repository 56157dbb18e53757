import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import { createJobLease, type JobLease } from './job-lease';
import { runLeasedJobs } from './sweepers';

let t: TestDatabase;
const stops: (() => Promise<void>)[] = [];
beforeEach(async () => {
  t = await openTestDatabase();
});
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await t.drop();
});

const silentLog = { log: { error: () => {} } as never };

/** An instance running one job every 20 ms under the 'sweeps' lease, recording each run. */
function instance(holder: string, runs: string[]): { lease: JobLease; stop: () => Promise<void> } {
  // Renewed 20 times per lease: a loaded machine delaying one renewal must not hand the lease over.
  const lease = createJobLease(t.store.jobLeases, { job: 'sweeps', holder, ttlMs: 3000, renewMs: 150 });
  const stop = runLeasedJobs(silentLog, lease, [{ name: 'sweep', everyMs: 20, run: async () => void runs.push(holder) }]);
  stops.push(stop);
  return { lease, stop };
}

describe('background jobs under a lease', () => {
  it('run on one instance of several; when it dies holding the lease, another takes over once the lease lapses', {
    timeout: 30_000,
  }, async () => {
    const runs: string[] = [];
    const a = instance('a', runs);
    await a.lease.start();
    const b = instance('b', runs);
    const c = instance('c', runs);
    await Promise.all([b.lease.start(), c.lease.start()]);
    await expect.poll(() => runs.length).toBeGreaterThan(10);
    // Several renewals of the others have passed: none of them took the lease or ran the job.
    await new Promise((r) => setTimeout(r, 400));
    expect(new Set(runs)).toEqual(new Set(['a']));
    expect([a.lease.held(), b.lease.held(), c.lease.held()]).toEqual([true, false, false]);

    // A crash: no more renewals and no release; the lease stays in the database until it lapses.
    await a.lease.stop({ release: false });
    expect(await t.store.jobLeases.holderOf('sweeps')).toBe('a');
    const crashedAt = runs.length;
    await expect.poll(() => runs.slice(crashedAt).length, { timeout: 15_000 }).toBeGreaterThan(10);

    const after = runs.slice(crashedAt);
    expect(after).not.toContain('a');
    expect(new Set(after).size).toBe(1);
    const successor = after[0]!;
    expect(await t.store.jobLeases.holderOf('sweeps')).toBe(successor);
    expect([b, c].filter((x) => x.lease.held())).toHaveLength(1);
  });

  it('hands over at once on a clean stop: the lease is released, not left to lapse', async () => {
    const runs: string[] = [];
    // A lease long enough that a handover within the test means it was released.
    const a = createJobLease(t.store.jobLeases, { job: 'sweeps', holder: 'a', ttlMs: 60_000, renewMs: 50 });
    const b = createJobLease(t.store.jobLeases, { job: 'sweeps', holder: 'b', ttlMs: 60_000, renewMs: 50 });
    const stopA = runLeasedJobs(silentLog, a, [{ name: 'sweep', everyMs: 20, run: async () => void runs.push('a') }]);
    stops.push(runLeasedJobs(silentLog, b, [{ name: 'sweep', everyMs: 20, run: async () => void runs.push('b') }]));
    await a.start();
    await b.start();
    await expect.poll(() => runs.length).toBeGreaterThan(3);
    await stopA();
    expect(a.held()).toBe(false);
    const stoppedAt = runs.length;
    await expect.poll(() => b.held(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => runs.slice(stoppedAt).length).toBeGreaterThan(3);
    expect(runs.slice(stoppedAt)).not.toContain('a');
  });

  it('lets exactly one of many instances take a lapsed lease', async () => {
    for (let round = 0; round < 10; round++) {
      const lapsed = new Date(Date.now() - 1000);
      await t.db.collection('job_leases').deleteMany({});
      await t.db
        .collection<{ _id: string; job: string; term: number; holder: string; expiresAt: Date }>('job_leases')
        .insertOne({ _id: 'sweeps#1', job: 'sweeps', term: 1, holder: 'dead', expiresAt: lapsed });
      const takers = Array.from({ length: 6 }, (_, i) => `taker-${round}-${i}`);
      const won = await Promise.all(takers.map((holder) => t.store.jobLeases.take('sweeps', holder, new Date(), 10_000)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect(await t.store.jobLeases.holderOf('sweeps')).toBe(takers[won.indexOf(true)]);
    }
  });

  it('refuses a renewal to a holder whose lease another has taken', async () => {
    const now = new Date();
    expect(await t.store.jobLeases.take('sweeps', 'a', new Date(now.getTime() - 20_000), 10_000)).toBe(true);
    expect(await t.store.jobLeases.take('sweeps', 'b', now, 10_000)).toBe(true);
    expect(await t.store.jobLeases.renew('sweeps', 'a', now, 10_000)).toBe(false);
    expect(await t.store.jobLeases.renew('sweeps', 'b', now, 10_000)).toBe(true);
    expect(await t.store.jobLeases.take('sweeps', 'a', now, 10_000)).toBe(false);
  });
});
