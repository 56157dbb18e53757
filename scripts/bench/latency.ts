// 3: echo latency at fixed offered loads, open loop: message i is due at start + i/rate whatever
// came back, and its latency counts from when it was due (so a slow server cannot slow the load).
import { performance } from 'node:perf_hooks';
import type { Db } from 'mongodb';
import type { AppUnderTest } from './app-under-test';
import { rawRelayClient, startRawRelay } from './baselines';
import { seedLoadSite } from './load';
import { pct, type Row, ms, sleep } from './stats';
import { connectBenchVisitor } from './visitor';

const RATES = (process.env.BENCH_RATES ?? '5,20,50').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 8);
/** Per visitor socket, under the server's 5 frames/s sustained limit. */
const PER_VISITOR_RATE = 2;

async function openLoop(rate: number, senders: ((i: number, due: number) => Promise<number>)[]): Promise<{ lat: number[]; lost: number }> {
  const total = Math.round(rate * SECONDS);
  const lat: number[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(senders[i % senders.length]!(i, due).then((t) => void lat.push(t)));
  }
  const settled = await Promise.race([Promise.all(inFlight).then(() => true), sleep(30_000).then(() => false)]);
  return { lat, lost: settled ? 0 : total - lat.length };
}

async function insertAt(db: Db, rate: number) {
  const col = db.collection('bench_raw_open_loop');
  const one = (i: number, due: number) =>
    col.insertOne({ i, text: 'question about lamps', at: new Date() }).then(() => performance.now() - due);
  return openLoop(rate, [one]);
}

export async function latencySection(h: AppUnderTest, rows: Row[]): Promise<void> {
  await seedLoadSite(h);
  const relay = await startRawRelay();
  for (const rate of RATES) {
    const k = Math.max(1, Math.ceil(rate / PER_VISITOR_RATE));
    const visitors = await Promise.all(Array.from({ length: k }, () => connectBenchVisitor(h.wsUrl, 'load')));
    const app = await openLoop(
      rate,
      visitors.map(
        (v) => (i: number, due: number) => v.send(`r${rate}-${i}`, `question number ${i} about lamps`, due).then(([echo]) => echo),
      ),
    );
    for (const v of visitors) v.close();
    const clients = await Promise.all(Array.from({ length: k }, () => rawRelayClient(relay.url)));
    const raw = await openLoop(
      rate,
      clients.map((c) => (i: number, due: number) => c.send(`r${rate}-${i}`, due).then(([echo]) => echo)),
    );
    for (const c of clients) c.close();
    const ins = await insertAt(h.db, rate);
    const lost = app.lost ? ` (${app.lost} not echoed in 30 s)` : '';
    rows.push({
      section: 'latency',
      measured: `echo p50/p99 at ${rate} msg/s offered, ${k} visitors, ${SECONDS} s${lost}`,
      figure: `${ms(pct(app.lat, 50))} / ${ms(pct(app.lat, 99))}`,
      baseline: `raw ws ${ms(pct(raw.lat, 50))} / ${ms(pct(raw.lat, 99))}`,
      ratio: pct(app.lat, 50) / pct(raw.lat, 50),
    });
    rows.push({
      section: 'latency',
      measured: `echo p50/p99 at ${rate} msg/s offered`,
      figure: `${ms(pct(app.lat, 50))} / ${ms(pct(app.lat, 99))}`,
      baseline: `insertOne ${ms(pct(ins.lat, 50))} / ${ms(pct(ins.lat, 99))}`,
      ratio: pct(app.lat, 50) / pct(ins.lat, 50),
    });
  }
  await relay.close();
}
