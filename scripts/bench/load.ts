// 1 + 2: visitor messages/s at N concurrent visitors (a message counts once its echo AND the bot's
// reply arrived), beside a bare insertOne loop and a raw ws relay at the same concurrency; and the
// database commands each visitor message costs (the app's own client, command monitoring).
import { performance } from 'node:perf_hooks';
import { SiteConfig } from '../../shared/site-config';
import { conversationDoc } from '../../server/test-support/conversation-doc';
import type { AppUnderTest } from './app-under-test';
import { insertLoop, rawRelayClient, startRawRelay } from './baselines';
import { median, perSec, pool, type Row, ms } from './stats';
import { type BenchVisitor, connectBenchVisitor } from './visitor';

const LEVELS = (process.env.BENCH_LOAD_LEVELS ?? '1,10,50,200').split(',').map(Number);
/** Messages per level in all (split over the visitors, at most 20 each: the per-socket burst). */
const MESSAGES_PER_LEVEL = Number(process.env.BENCH_LOAD_MESSAGES ?? 400);
const LEVEL_TIMEOUT_MS = Number(process.env.BENCH_LEVEL_TIMEOUT_MS ?? 90_000);

export async function seedLoadSite(h: AppUnderTest): Promise<void> {
  // Handoff off: every message gets a bot reply and nothing else, so the section measures the message path.
  await h.deps.store.sites.upsert({
    _id: 'load',
    siteKey: 'load',
    name: 'load',
    secret: 'x',
    config: SiteConfig.parse({ handoffEnabled: false }),
    configVersion: 1,
    updatedAt: new Date(),
  });
}

export async function loadSection(h: AppUnderTest, rows: Row[], withCommands: boolean): Promise<void> {
  await seedLoadSite(h);
  const relay = await startRawRelay();
  for (const n of LEVELS) await measureLevel(h, relay.url, n, rows, withCommands, '');
  await relay.close();
}

/** Conversations of other visitors already stored before the `filled` section measures. */
const FILL = Number(process.env.BENCH_FILL_CONVERSATIONS ?? 20_000);
const FILL_VISITORS = Number(process.env.BENCH_FILL_VISITORS ?? 50);

/**
 * The same measure on a database that already holds many conversations: a store that reads or
 * updates a conversation by scanning (FerretDB 1.24 without scripts/ferretdb-patches) slows as the
 * table grows, while the insertOne baseline does not read at all.
 */
export async function filledLoadSection(h: AppUnderTest, rows: Row[]): Promise<void> {
  await seedLoadSite(h);
  const pad = 'Earlier conversation text that a case package and a preview carry. '.repeat(20);
  for (let i = 0; i < FILL; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, FILL - i) }, (_, k) =>
      conversationDoc({
        _id: `fill-${i + k}`,
        siteId: 'fill',
        state: 'resolved',
        lastMessagePreview: pad.slice(0, 140),
        facts: { note: pad },
      }),
    );
    await h.db.collection('conversations').insertMany(batch as never[]);
  }
  const relay = await startRawRelay();
  await measureLevel(h, relay.url, FILL_VISITORS, rows, true, `, ${FILL.toLocaleString('en')} conversations stored`);
  await relay.close();
}

async function measureLevel(h: AppUnderTest, relayUrl: string, n: number, rows: Row[], withCommands: boolean, note: string): Promise<void> {
  const each = Math.max(2, Math.min(20, Math.ceil(MESSAGES_PER_LEVEL / n)));
  const deadline = Date.now() + LEVEL_TIMEOUT_MS;
  const visitors: BenchVisitor[] = [];
  await pool(n, 20, deadline, async () => {
    visitors.push(await connectBenchVisitor(h.wsUrl, 'load'));
  });
  h.resetCommands();
  const done: number[] = [];
  // CPU time (user + system) of this process, client and server together: unlike messages/s it
  // hardly moves with other work on the machine.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    visitors.map(async (v, vi) => {
      for (let m = 0; m < each && Date.now() < deadline; m++) {
        const timeout = new Promise<null>((r) => setTimeout(() => r(null), Math.max(0, deadline - Date.now())).unref());
        const got = await Promise.race([v.send(`v${vi}-m${m}`, `question number ${m} about lamps`), timeout]);
        if (!got) return;
        done.push(got[1]);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const appCpu = process.cpuUsage(cpu0);
  const commands = h.commandTotal();
  const byName = [...h.commands.entries()].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${k} ${(c / Math.max(1, done.length)).toFixed(1)}`);
  for (const v of visitors) v.close();
  const appRate = (done.length / wallMs) * 1000;

  const insCpu0 = process.cpuUsage();
  const ins = await insertLoop(h.db, n, each);
  const insCpu = process.cpuUsage(insCpu0);
  const insRate = ((n * each) / ins.wallMs) * 1000;
  const cpuMsPer = (u: NodeJS.CpuUsage, count: number) => (u.user + u.system) / 1000 / Math.max(1, count);

  const clients = await Promise.all(Array.from({ length: n }, () => rawRelayClient(relayUrl)));
  const relayLat: number[] = [];
  const r0 = performance.now();
  await Promise.all(
    clients.map(async (c, ci) => {
      for (let m = 0; m < each; m++) relayLat.push((await c.send(`c${ci}-m${m}`))[1]);
    }),
  );
  const relayRate = ((n * each) / (performance.now() - r0)) * 1000;
  for (const c of clients) c.close();

  const label = `${n} visitor${n === 1 ? '' : 's'} x ${each}${note}`;
  const short =
    visitors.length < n || done.length < n * each ? ` (only ${visitors.length} connected, ${done.length}/${n * each} done in time)` : '';
  rows.push({
    section: 'load',
    measured: `messages/s, ${label}${short}`,
    figure: `${perSec(appRate)} (p50 ${ms(median(done))})`,
    baseline: `insertOne ${perSec(insRate)} (p50 ${ms(median(ins.latencies))})`,
    ratio: appRate / insRate,
  });
  rows.push({
    section: 'load',
    measured: `messages/s, ${label}`,
    figure: `${perSec(appRate)}`,
    baseline: `raw ws relay ${perSec(relayRate)} (p50 ${ms(median(relayLat))})`,
    ratio: appRate / relayRate,
  });
  const appCpuMs = cpuMsPer(appCpu, done.length);
  const insCpuMs = cpuMsPer(insCpu, n * each);
  rows.push({
    section: 'load',
    measured: `Node CPU per message (client + server), ${label}`,
    figure: `${appCpuMs.toFixed(2)} ms`,
    baseline: `insertOne ${insCpuMs.toFixed(2)} ms`,
    ratio: appCpuMs / insCpuMs,
  });
  if (withCommands) {
    rows.push({
      section: 'commands',
      measured: `db commands per message, ${label}`,
      figure: `${(commands / Math.max(1, done.length)).toFixed(1)} (${byName.slice(0, 6).join(', ')})`,
      baseline: 'insertOne: 1.0',
      ratio: commands / Math.max(1, done.length),
    });
  }
}
