import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import type { Store } from '.';

let t: TestDatabase;
let store: Store;
beforeAll(async () => {
  t = await openTestDatabase();
  ({ store } = t);
});
afterAll(() => t.drop());

const ago = (ms: number) => new Date(Date.now() - ms);
const live = () => store.visitorSockets.liveInstances(ago(10_000));

describe('visitor sockets across instances', () => {
  it('never lets a heartbeat bring back a visitor whose last tab closed at the same moment', async () => {
    const visitors = Array.from({ length: 40 }, (_, i) => `v-race-${i}`);
    await store.visitorSockets.renew('inst-a', new Date());
    await Promise.all(visitors.map((v) => store.visitorSockets.hold('inst-a', v, new Date())));
    // Each tab closes while instance A beats: the two writes race on the database.
    await Promise.all([
      ...visitors.map((v) => store.visitorSockets.release('inst-a', v)),
      ...visitors.map(() => store.visitorSockets.renew('inst-a', new Date())),
    ]);
    const stillHere = [];
    for (const v of visitors) if (await store.visitorSockets.isOnPageElsewhere(v, 'inst-b', await live(), ago(10_000))) stillHere.push(v);
    expect(stillHere).toEqual([]);
  });

  it('counts the sockets of a beating instance, and of a silent one only until they go stale', async () => {
    await store.visitorSockets.renew('inst-live', new Date());
    await store.visitorSockets.hold('inst-live', 'v-long', ago(60_000));
    await store.visitorSockets.hold('inst-dead', 'v-gone', ago(60_000));
    await store.visitorSockets.hold('inst-new', 'v-new', new Date());

    expect(await store.visitorSockets.isOnPageElsewhere('v-long', 'inst-b', await live(), ago(10_000))).toBe(true);
    expect(await store.visitorSockets.isOnPageElsewhere('v-long', 'inst-live', await live(), ago(10_000))).toBe(false);
    expect(await store.visitorSockets.isOnPageElsewhere('v-gone', 'inst-b', await live(), ago(10_000))).toBe(false);
    expect(await store.visitorSockets.isOnPageElsewhere('v-new', 'inst-b', await live(), ago(10_000))).toBe(true);

    const [first, second] = await Promise.all([
      store.visitorSockets.sweepStale(await live(), ago(10_000)),
      store.visitorSockets.sweepStale(await live(), ago(10_000)),
    ]);
    expect([...first, ...second].filter((v) => v === 'v-gone')).toEqual(['v-gone']);
    expect([...first, ...second]).not.toContain('v-long');
    expect([...first, ...second]).not.toContain('v-new');
  });
});
