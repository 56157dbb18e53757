// Benchmarks, printed as figures and compared in one run against a baseline on this machine:
//  1. visitor message round trip through the real server and database (socket -> store -> echo),
//     against the database alone (one insertOne per message, the floor any design pays);
//  2. the trigger engine over generated conversations, against a bare lowercase+includes scan.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import WebSocket from 'ws';
import { defaultSiteConfig, SiteConfig } from '../shared/site-config';
import { buildApp } from '../server/app';
import { decideHandoff } from '../server/domain/triggers';
import { createFlowDeps } from '../server/composition';
import { connectDatabase } from '../server/store/database';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 10);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const line = (label: string, xs: number[], totalMs: number) =>
  `${label.padEnd(34)} n=${xs.length}  p50=${pct(xs, 50).toFixed(1)} ms  p95=${pct(xs, 95).toFixed(1)} ms  throughput=${((xs.length / totalMs) * 1000).toFixed(0)}/s`;

async function messageRoundTrip(): Promise<void> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('run with `npm run bench` (it starts the database)');
  const { client, db } = await connectDatabase(uri, `baton_bench_${randomUUID().slice(0, 8)}`);
  const log = pino({ level: 'silent' });
  const deps = createFlowDeps(db, log);
  await deps.store.ensureIndexes();
  // Handoff off and a bot that answers from an empty knowledge base: the bench measures the message path.
  await deps.store.sites.upsert({ _id: 's', siteKey: 'bench', name: 'bench', secret: 'x', config: SiteConfig.parse({ handoffEnabled: false }), configVersion: 1, updatedAt: new Date() });
  const app = await buildApp({ deps, logger: log, staticDir: 'dist/public', demoSiteKey: 'bench', sessionTtlMs: 1000, cookieSecure: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;

  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, v) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/visitor?site=bench&v=1`);
      const pending = new Map<string, (t: number) => void>();
      ws.on('message', (raw) => {
        const e = JSON.parse(raw.toString());
        if (e.type === 'message_added' && e.message.clientMessageId) pending.get(e.message.clientMessageId)?.(performance.now());
        if (e.type === 'welcome') pending.get('welcome')?.(0);
      });
      await new Promise((r) => ws.once('open', r));
      await new Promise((r) => {
        pending.set('welcome', r);
        ws.send(JSON.stringify({ type: 'hello', context: {}, afterSeq: 0 }));
      });
      for (let m = 0; m < MESSAGES; m++) {
        const id = `v${v}-m${m}`;
        const t0 = performance.now();
        // Paced under the per-connection rate limit (5 frames/s sustained after a burst of 20).
        await new Promise<void>((r) => {
          pending.set(id, (t1) => {
            latencies.push(t1 - t0);
            r();
          });
          ws.send(JSON.stringify({ type: 'send_message', clientMessageId: id, text: `question number ${m} about lamps` }));
        });
        if (m >= 15) await new Promise((r) => setTimeout(r, 200));
      }
      ws.close();
    }),
  );
  const totalMs = performance.now() - started;
  await app.close();

  const raw = db.collection('bench_raw');
  const baseline: number[] = [];
  const b0 = performance.now();
  await Promise.all(
    Array.from({ length: VISITORS }, async (_, v) => {
      for (let m = 0; m < MESSAGES; m++) {
        const t0 = performance.now();
        await raw.insertOne({ _id: `v${v}-m${m}` as never, text: `question number ${m} about lamps`, at: new Date() });
        baseline.push(performance.now() - t0);
      }
    }),
  );
  const baselineMs = performance.now() - b0;
  await db.dropDatabase();
  await client.close();
  console.log(`message round trip (${VISITORS} visitors x ${MESSAGES} messages, FerretDB/MongoDB at MONGODB_URI)`);
  console.log(`  ${line('server: socket->store->echo', latencies, totalMs)}`);
  console.log(`  ${line('baseline: driver insertOne only', baseline, baselineMs)}`);
  console.log(`  overhead at p50: ${(pct(latencies, 50) / Math.max(0.01, pct(baseline, 50))).toFixed(1)}x the bare insert`);
}

function triggerEngine(): void {
  const config = defaultSiteConfig();
  const texts = ['hi there', 'where is my parcel', 'I want a refund for order 48213', 'agent please', 'this is the third time!!!', 'how much for 50 seats', 'thanks, that worked'];
  const conversations = Array.from({ length: 10_000 }, (_, i) => ({
    turns: Array.from({ length: 6 }, (_, t) =>
      t % 2 === 0 ? { from: 'visitor' as const, text: texts[(i + t) % texts.length]! } : { from: 'bot' as const, text: 'Here is an answer.', confidence: 0.8, fallback: false, toolError: false },
    ),
    visitor: { verified: false, tags: [], attributes: {}, locale: 'en' },
  }));
  const t0 = performance.now();
  let escalated = 0;
  for (const c of conversations) for (let t = 1; t <= c.turns.length; t++) if (decideHandoff({ ...c, turns: c.turns.slice(0, t) }, config).escalate) escalated++;
  const engineMs = performance.now() - t0;
  const b0 = performance.now();
  let hits = 0;
  const words = ['refund', 'agent', 'human', 'person', 'seats'];
  for (const c of conversations) for (let t = 1; t <= c.turns.length; t++) for (const turn of c.turns.slice(0, t)) if (words.some((w) => turn.text.toLowerCase().includes(w))) hits++;
  const baselineMs = performance.now() - b0;
  console.log('trigger engine (10,000 conversations x 6 turns, decided after every turn)');
  console.log(`  engine:   ${engineMs.toFixed(0)} ms  (${((60_000 / engineMs) * 1000).toFixed(0)} decisions/s; ${escalated} escalating decisions)`);
  console.log(`  baseline: ${baselineMs.toFixed(0)} ms  bare lowercase+includes scan of the same turns (${hits} hits)`);
}

triggerEngine();
await messageRoundTrip();
