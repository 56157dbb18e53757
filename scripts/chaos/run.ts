// npm run chaos [-- --visitors 8 --stall-seconds 20]: N visitors write through a kill -9 and restart of
// the server, a database stop and restart, a database stall (SIGSTOP FerretDB) and socket drops, then
// the suite counts lost, duplicated, out-of-order and gapped messages (all must be 0) and how long
// after each recovery every message written so far was acknowledged. Loopback only, bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ChaosVisitor } from './chaos-visitor';
import { BatonServer, Database, freePort, sleep } from './processes';
import { sumTallies, type Tally, tallyVisitor } from './tally';

const { values } = parseArgs({
  options: {
    visitors: { type: 'string', default: '8' },
    'stall-seconds': { type: 'string', default: '20' },
    'write-every-ms': { type: 'string', default: '700' },
  },
});
const VISITORS = Number(values.visitors);
const STALL_MS = Number(values['stall-seconds']) * 1000;
const WRITE_EVERY_MS = Number(values['write-every-ms']);
const ACK_TIMEOUT_MS = 90_000;
const HARD_LIMIT_MS = 6 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'baton-chaos-'));
const dbName = `baton_chaos_${process.pid}`;
const database = new Database(join(work, 'db'), await freePort());
const server = new BatonServer(await freePort(), database.uri, dbName, join(work, 'server.log'));
const visitors: ChaosVisitor[] = [];
let writer: ReturnType<typeof setInterval> | null = null;

async function cleanUp(): Promise<void> {
  if (writer) clearInterval(writer);
  for (const v of visitors) v.close();
  await server.stop().catch(() => {});
  await database.stop().catch(() => {});
  rmSync(work, { recursive: true, force: true });
}
const hardLimit = setTimeout(() => {
  console.error(`chaos: still running after ${HARD_LIMIT_MS / 1000} s; stopping (server log: ${join(work, 'server.log')})`);
  void cleanUp().finally(() => process.exit(2));
}, HARD_LIMIT_MS);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void cleanUp().finally(() => process.exit(130)));

/** Time from `since` until every message written before now + those still unacknowledged are acknowledged. */
async function allAcknowledged(since: number): Promise<number> {
  const waiting = visitors.flatMap((v) => v.unacknowledged().map((id) => ({ v, id })));
  const deadline = Date.now() + ACK_TIMEOUT_MS;
  while (waiting.some(({ v, id }) => !v.ackedAt.has(id))) {
    if (Date.now() > deadline)
      throw new Error(
        `${waiting.filter(({ v, id }) => !v.ackedAt.has(id)).length} messages unacknowledged ${ACK_TIMEOUT_MS / 1000} s after recovery`,
      );
    await sleep(50);
  }
  const last = Math.max(since, ...waiting.map(({ v, id }) => v.ackedAt.get(id)!));
  return last - since;
}

const recoveries: Array<{ fault: string; ms: number }> = [];
async function fault(name: string, breakIt: () => Promise<void>, repair: () => Promise<void>): Promise<void> {
  console.log(`chaos: ${name}…`);
  await breakIt();
  await repair();
  const recoveredAt = Date.now();
  recoveries.push({ fault: name, ms: await allAcknowledged(recoveredAt) });
}

try {
  await database.start();
  await server.start();
  const baseUrl = `http://127.0.0.1:${server.port}`;
  for (let i = 0; i < VISITORS; i++) visitors.push(new ChaosVisitor(`v${i + 1}`, baseUrl, 'demo'));
  for (const v of visitors) v.start();
  let turn = 0;
  writer = setInterval(() => visitors[turn++ % visitors.length]!.write(), WRITE_EVERY_MS / VISITORS);
  await sleep(3_000);

  await fault(
    'socket drops',
    async () => {
      for (let round = 0; round < 3; round++) {
        for (const v of visitors) if (Math.random() < 0.7) v.drop();
        await sleep(700);
      }
    },
    async () => {},
  );
  await sleep(2_000);
  await fault(
    'server kill -9 and restart',
    () => server.kill9(),
    async () => {
      await sleep(1_000);
      await server.start();
    },
  );
  await sleep(2_000);
  await fault(
    'database stop and restart',
    () => database.stop(),
    async () => {
      await sleep(5_000);
      await database.start();
    },
  );
  await sleep(2_000);
  await fault(
    `database stall ${STALL_MS / 1000} s (SIGSTOP)`,
    async () => database.pause(),
    async () => {
      await sleep(STALL_MS);
      database.resume();
    },
  );

  clearInterval(writer);
  writer = null;
  const quietFrom = Date.now();
  recoveries.push({ fault: 'final drain', ms: await allAcknowledged(quietFrom) });
  // Let the bot's last replies arrive before comparing what each visitor holds with the store.
  await sleep(4_000);

  const client = new MongoClient(database.uri);
  const tallies: Tally[] = [];
  try {
    const messages = client
      .db(dbName)
      .collection<{ seq: number; clientMessageId: string | null; sender: { kind: string }; conversationId: string }>('messages');
    for (const v of visitors) {
      const stored = v.conversationId
        ? (await messages.find({ conversationId: v.conversationId }).sort({ seq: 1 }).toArray()).map((m) => ({
            seq: m.seq,
            clientMessageId: m.clientMessageId,
            fromVisitor: m.sender.kind === 'visitor',
          }))
        : [];
      tallies.push(tallyVisitor({ sent: v.sent, stored, received: [...v.received] }));
    }
  } finally {
    await client.close();
  }

  const total = sumTallies(tallies);
  console.log('\nrecovery → every message acknowledged');
  for (const r of recoveries) console.log(`  ${r.fault.padEnd(34)} ${(r.ms / 1000).toFixed(2)} s`);
  console.log(`\nvisitors ${VISITORS}, messages written ${total.sent}`);
  console.log(
    `lost ${total.lost}  duplicated ${total.duplicated}  out-of-order ${total.outOfOrder}  gapped ${total.gapped}  missed by visitor ${total.missedByVisitor}`,
  );
  const clean = total.lost + total.duplicated + total.outOfOrder + total.gapped + total.missedByVisitor === 0;
  console.log(clean ? 'chaos: PASS' : 'chaos: FAIL');
  clearTimeout(hardLimit);
  await cleanUp();
  process.exit(clean ? 0 : 1);
} catch (err) {
  console.error('chaos: FAIL', err instanceof Error ? err.message : err);
  console.error(`(server log kept at ${join(work, 'server.log')})`);
  clearTimeout(hardLimit);
  if (writer) clearInterval(writer);
  for (const v of visitors) v.close();
  await server.stop().catch(() => {});
  await database.stop().catch(() => {});
  process.exit(1);
}
