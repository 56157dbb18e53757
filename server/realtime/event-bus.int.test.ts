import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support/test-database';
import { type BusEvent, createEventBus, type EventBus } from './event-bus';

let t: TestDatabase;
const buses: EventBus<{ n: number; from: string }>[] = [];
beforeEach(async () => {
  t = await openTestDatabase();
});
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.stop();
  await t.drop();
});

function bus(instanceId: string, options: { gapGraceMs?: number; errors?: unknown[] } = {}) {
  const b = createEventBus<{ n: number; from: string }>(t.db, {
    instanceId,
    gapGraceMs: options.gapGraceMs,
    onError: (e) => options.errors?.push(e),
  });
  buses.push(b);
  return b;
}

async function until(done: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
}

describe('the database event bus', () => {
  it('hands every instance every event once, in one order for all, each publisher’s in call order', async () => {
    const seen = new Map<string, BusEvent<{ n: number; from: string }>[]>();
    const names = ['a', 'b', 'c'];
    const all = names.map((name) => bus(name));
    for (const [i, b] of all.entries()) await b.start((e) => seen.set(names[i]!, [...(seen.get(names[i]!) ?? []), e]));
    await Promise.all(all.flatMap((b, i) => Array.from({ length: 50 }, (_, n) => b.publish({ n, from: names[i]! }))));
    await until(() => names.every((name) => seen.get(name)?.length === 150));

    const order = (name: string) => seen.get(name)!.map((e) => `${e.payload.from}${e.payload.n}`);
    expect(order('a')).toHaveLength(150);
    expect(new Set(order('a')).size).toBe(150);
    expect(order('b')).toEqual(order('a'));
    expect(order('c')).toEqual(order('a'));
    for (const from of names) {
      const mine = seen.get('a')!.filter((e) => e.payload.from === from);
      expect(mine.map((e) => e.payload.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
      expect(mine.every((e) => e.origin === from)).toBe(true);
    }
  });

  it('starts from now: what was published before an instance started is not replayed to it', async () => {
    const early = bus('early');
    await early.start(() => {});
    await early.publish({ n: 1, from: 'early' });
    const got: number[] = [];
    const late = bus('late');
    await late.start((e) => got.push(e.payload.n));
    await early.publish({ n: 2, from: 'early' });
    await until(() => got.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([2]);
  });

  it('delivers a late seq before the later ones, and skips a seq that never comes once the grace is over', async () => {
    const errors: unknown[] = [];
    const got: number[] = [];
    const reader = bus('reader', { gapGraceMs: 400, errors });
    await reader.start((e) => got.push(e.payload.n));
    const events = t.db.collection<{ _id: number; origin: string; at: Date; payload: { n: number; from: string } }>('events');
    const raw = (seq: number) => events.insertOne({ _id: seq, origin: 'raw', at: new Date(), payload: { n: seq, from: 'raw' } });
    // Seq 2 committed before seq 1: the reader holds 2 until 1 arrives.
    await raw(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([]);
    await raw(1);
    await until(() => got.length === 2);
    expect(got).toEqual([1, 2]);
    // Seq 3 never comes.
    await raw(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual([1, 2]);
    await until(() => got.length === 3);
    expect(got).toEqual([1, 2, 4]);
    expect(String(errors[0])).toMatch(/seq 3\.\.3 never arrived/);
  });

  it('gives two publishers racing for the same seqs distinct ones: the database decides', async () => {
    const one = bus('one');
    const two = bus('two');
    await Promise.all([one.start(() => {}), two.start(() => {})]);
    await Promise.all(Array.from({ length: 40 }, (_, n) => [one.publish({ n, from: 'one' }), two.publish({ n, from: 'two' })]).flat());
    const stored = await t.db.collection('events').find().sort({ _id: 1 }).toArray();
    expect(stored.map((d) => d._id)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
  });

  it('keeps the collection small: events past the retention go, the newest stays so seqs go on rising', async () => {
    const b = createEventBus<{ n: number; from: string }>(t.db, { instanceId: 'trimmer', retainMs: 200 });
    buses.push(b);
    const got: number[] = [];
    await b.start((e) => got.push(e.payload.n));
    for (let n = 1; n <= 5; n++) await b.publish({ n, from: 'trimmer' });
    await until(() => got.length === 5);
    const events = t.db.collection('events');
    await until(() => false, 1500);
    expect(
      await events
        .find()
        .map((d) => d._id)
        .toArray(),
    ).toEqual([5]);
    await b.publish({ n: 6, from: 'trimmer' });
    await until(() => got.length === 6);
    expect(got).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await events.find().sort({ _id: -1 }).limit(1).next())?._id).toBe(6);
  });
});
