// 5: idle authenticated visitor sockets (connected, hello answered with welcome): how many are held,
// connects/s, and the server's RSS per socket, beside the same count of raw ws sockets on a raw ws
// server. Server against server: the clients run in child processes (one per PER_CLIENT_PROCESS
// sockets), the app in this process, the raw ws server in a process of its own.
import { type ChildProcess, fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { AppUnderTest } from './app-under-test';
import { seedLoadSite } from './load';
import { perSec, type Row, settledRss, sleep } from './stats';

const SOCKETS = Number(process.env.BENCH_IDLE_SOCKETS ?? 2000);
const TIME_LIMIT_MS = Number(process.env.BENCH_IDLE_SECONDS ?? 300) * 1000;
const IN_FLIGHT = 50;
/** Each client process stays well under the per-process descriptor limit (`ulimit -n`). */
const PER_CLIENT_PROCESS = 5000;
const TSX = ['--import', 'tsx'];

interface Connected {
  held: number;
  failed: number;
  firstFailure: string;
  /** Connects refused for now (503, or hello closed 'overloaded') and tried again after backoff. */
  refused: number;
  connectsPerSec: number;
  /** Sockets the clients still see open. */
  open(): Promise<number>;
  stop(): Promise<void>;
}

const reply = <T>(child: ChildProcess, ask?: string) =>
  new Promise<T>((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return reject(new Error(`bench child had exited (${child.exitCode ?? child.signalCode})`));
    const exited = (code: number | null) => reject(new Error(`bench child exited (${code}) before answering`));
    child.once('exit', exited);
    child.once('message', (m) => {
      child.off('exit', exited);
      resolve(m as T);
    });
    if (ask) child.send(ask);
  });

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });

/** `SOCKETS` clients of `mode`, spread over child processes, IN_FLIGHT connecting at a time in all. */
async function connectFromChildren(mode: 'app' | 'raw', url: string): Promise<Connected> {
  const processes = Math.ceil(SOCKETS / PER_CLIENT_PROCESS);
  const inFlight = Math.ceil(IN_FLIGHT / processes);
  const children = Array.from({ length: processes }, (_, k) => {
    const first = k * PER_CLIENT_PROCESS;
    const count = Math.min(PER_CLIENT_PROCESS, SOCKETS - first);
    const args = [mode, url, String(first), String(count), String(inFlight), String(TIME_LIMIT_MS)];
    return fork(new URL('./idle-clients.ts', import.meta.url).pathname, args, { execArgv: TSX });
  });
  const results = await Promise.all(
    children.map((c) => reply<{ held: number; failed: number; firstFailure: string; refused: number; ms: number }>(c)),
  );
  const held = results.reduce((n, r) => n + r.held, 0);
  return {
    held,
    failed: results.reduce((n, r) => n + r.failed, 0),
    firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? '',
    refused: results.reduce((n, r) => n + r.refused, 0),
    // The children connect side by side: all they held over the longest one's time.
    connectsPerSec: (held / Math.max(...results.map((r) => r.ms))) * 1000,
    open: async () => (await Promise.all(children.map((c) => reply<{ open: number }>(c, 'open')))).reduce((n, r) => n + r.open, 0),
    stop: async () => void (await Promise.all(children.map(stopped))),
  };
}

async function rawBaseline() {
  const server = fork(new URL('./raw-ws-server.ts', import.meta.url).pathname, [], { execArgv: ['--expose-gc', ...TSX] });
  try {
    const { url } = await reply<{ url: string }>(server);
    const before = await reply<{ rss: number }>(server, 'rss');
    const clients = await connectFromChildren('raw', url);
    await sleep(2000);
    const after = await reply<{ rss: number; clients: number }>(server, 'rss');
    const open = await clients.open();
    await clients.stop();
    return { ...clients, open, serverSockets: after.clients, perSocket: (after.rss - before.rss) / Math.max(1, after.clients) };
  } finally {
    await stopped(server);
  }
}

/** Until the app has no database command in flight for a second (the hellos' presence writes trail them). */
async function databaseQuiet(h: AppUnderTest, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  let quietSince = 0;
  while (Date.now() < until) {
    if (h.deps.dbInFlight() > 0) quietSince = 0;
    else if (!quietSince) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1000) return true;
    await sleep(100);
  }
  return false;
}

export async function idleSection(h: AppUnderTest, rows: Row[]): Promise<void> {
  await seedLoadSite(h);
  const raw = await rawBaseline();
  console.error(`idle: raw ws ${raw.held} held, ${raw.failed} failed, ${raw.connectsPerSec.toFixed(0)}/s`);

  const before = await settledRss();
  const heapBefore = process.memoryUsage();
  h.resetCommands();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const clients = await connectFromChildren('app', h.wsUrl);
  loop.disable();
  console.error(
    `idle: app ${clients.held} held, ${clients.failed} failed (${clients.firstFailure}), ${clients.connectsPerSec.toFixed(0)}/s`,
  );
  await sleep(2000);
  const quiet = await databaseQuiet(h, 120_000);
  const serverSockets = h.app.websocketServer.clients.size;
  const perSocket = ((await settledRss()) - before) / Math.max(1, serverSockets);
  const heapAfter = process.memoryUsage();
  const commandsPerHello = h.commandTotal() / Math.max(1, clients.held);
  const kib = (k: 'heapUsed' | 'heapTotal' | 'external') => ((heapAfter[k] - heapBefore[k]) / Math.max(1, serverSockets) / 1024).toFixed(1);
  console.error(
    `idle: per socket heapUsed ${kib('heapUsed')} KiB, heapTotal ${kib('heapTotal')} KiB, external ${kib('external')} KiB; commands ${JSON.stringify(Object.fromEntries(h.commands))}`,
  );
  const open = await clients.open();
  // Printed now: closing thousands of sockets (each visitor's presence written as they leave) takes a while.
  console.error(
    `idle: ${open} open, ${clients.refused} refusals retried; server RSS per socket ${(perSocket / 1024).toFixed(1)} KiB vs raw ws ${(raw.perSocket / 1024).toFixed(1)} KiB (${(perSocket / raw.perSocket).toFixed(2)}x); event loop p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
  );
  await clients.stop();

  const failures =
    (clients.failed ? `, ${clients.failed} failed (first: ${clients.firstFailure})` : '') +
    (clients.refused ? `; ${clients.refused} refusals retried after backoff` : '');
  rows.push({
    section: 'idle',
    measured: `authenticated visitor sockets held (asked ${SOCKETS}, ${TIME_LIMIT_MS / 1000} s limit, clients in ${Math.ceil(SOCKETS / PER_CLIENT_PROCESS)} processes)`,
    figure: `${open} open after 2 s${failures}`,
    baseline: `raw ws ${raw.open}${raw.failed ? `, ${raw.failed} failed (first: ${raw.firstFailure})` : ''}`,
    ratio: open / Math.max(1, raw.open),
  });
  rows.push({
    section: 'idle',
    measured: `connects/s (connect + hello -> welcome, ${IN_FLIGHT} in flight)`,
    figure: perSec(clients.connectsPerSec),
    baseline: `raw ws connect + 1 frame ${perSec(raw.connectsPerSec)}`,
    ratio: clients.connectsPerSec / raw.connectsPerSec,
  });
  rows.push({
    section: 'idle',
    measured: 'database commands per hello (new visitor; its presence included)',
    figure: commandsPerHello.toFixed(1),
    baseline: 'raw ws 0',
    ratio: null,
  });
  rows.push({
    section: 'idle',
    measured: 'event-loop delay while they connect, p99 / max',
    figure: `${(loop.percentile(99) / 1e6).toFixed(0)} ms / ${(loop.max / 1e6).toFixed(0)} ms`,
    baseline: '',
    ratio: null,
  });
  rows.push({
    section: 'idle',
    measured: `server RSS per idle socket (${serverSockets} app, ${raw.serverSockets} raw; clients in child processes${quiet ? '' : '; database still busy'})`,
    figure: `${(perSocket / 1024).toFixed(1)} KiB`,
    baseline: `raw ws server ${(raw.perSocket / 1024).toFixed(1)} KiB`,
    ratio: perSocket / raw.perSocket,
  });
}
