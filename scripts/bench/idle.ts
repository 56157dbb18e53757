// 5: idle authenticated visitor sockets (connected, hello answered with welcome): connects/s, how
// many are held, and RSS per socket, beside the same count of raw ws sockets. Client and server share
// this process in both runs, so the client's part of each figure is the same and the ratio is the server's.
import { performance } from 'node:perf_hooks';
import type { AppUnderTest } from './app-under-test';
import { rawRelayClient, startRawRelay } from './baselines';
import { seedLoadSite } from './load';
import { perSec, pool, type Row, sleep } from './stats';
import { type BenchVisitor, connectBenchVisitor } from './visitor';

const SOCKETS = Number(process.env.BENCH_IDLE_SOCKETS ?? 2000);
const TIME_LIMIT_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 120) * 1000;
const IN_FLIGHT = 50;
/**
 * The app limits each client address to 600 requests a minute (a socket upgrade is one), as it
 * should; the bench spreads its visitors over loopback source addresses 127.0.0.2, .3, ... (Linux
 * answers all of 127.0.0.0/8), 500 sockets each.
 */
const sourceAddress = (i: number) => `127.0.${Math.floor(i / 500 / 250)}.${2 + (Math.floor(i / 500) % 250)}`;

async function settledRss(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await sleep(200);
  }
  return process.memoryUsage().rss;
}

export async function idleSection(h: AppUnderTest, rows: Row[]): Promise<void> {
  await seedLoadSite(h);
  const relay = await startRawRelay();
  const rawBefore = await settledRss();
  const raws: { close(): void }[] = [];
  const r0 = performance.now();
  await pool(SOCKETS, IN_FLIGHT, Date.now() + TIME_LIMIT_MS, async () => {
    const c = await rawRelayClient(relay.url);
    await c.send('hello');
    raws.push(c);
  });
  const rawConnectRate = (raws.length / (performance.now() - r0)) * 1000;
  const rawPerSocket = ((await settledRss()) - rawBefore) / Math.max(1, raws.length);
  for (const c of raws) c.close();
  await relay.close();

  const appBefore = await settledRss();
  const held: BenchVisitor[] = [];
  let failed = 0;
  let firstFailure = '';
  const a0 = performance.now();
  await pool(SOCKETS, IN_FLIGHT, Date.now() + TIME_LIMIT_MS, async (i) => {
    try {
      held.push(await connectBenchVisitor(h.wsUrl, 'load', 20_000, sourceAddress(i)));
    } catch (error) {
      failed++;
      firstFailure ||= error instanceof Error ? error.message : String(error);
    }
  });
  const appConnectRate = (held.length / (performance.now() - a0)) * 1000;
  await sleep(2000);
  const open = held.filter((v) => v.ws.readyState === v.ws.OPEN).length;
  const appPerSocket = ((await settledRss()) - appBefore) / Math.max(1, held.length);
  for (const v of held) v.close();

  const note = (globalThis as { gc?: () => void }).gc ? '' : ' (no --expose-gc: RSS unsettled)';
  rows.push({
    section: 'idle',
    measured: `authenticated visitor sockets held (asked ${SOCKETS}, ${TIME_LIMIT_MS / 1000} s limit)`,
    figure: `${open} open after 2 s${failed ? `, ${failed} failed (first: ${firstFailure})` : ''}`,
    baseline: `raw ws ${raws.length}`,
    ratio: open / Math.max(1, raws.length),
  });
  rows.push({
    section: 'idle',
    measured: 'connects/s (connect + hello -> welcome, 50 in flight)',
    figure: perSec(appConnectRate),
    baseline: `raw ws connect + 1 frame ${perSec(rawConnectRate)}`,
    ratio: appConnectRate / rawConnectRate,
  });
  rows.push({
    section: 'idle',
    measured: `RSS per idle socket, client + server${note}`,
    figure: `${(appPerSocket / 1024).toFixed(1)} KiB`,
    baseline: `raw ws ${(rawPerSocket / 1024).toFixed(1)} KiB`,
    ratio: appPerSocket / rawPerSocket,
  });
}
