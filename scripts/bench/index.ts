// `npm run bench`: every figure beside a baseline measured in the same run on this machine.
// BENCH_ONLY=triggers,judgement,load,filled,commands,latency,handoff,idle,heap,instances,agent,insights picks sections (default: all).
// Each section is bounded in count and time; see the BENCH_* variables in each file.
import { type AppUnderTest, startAppUnderTest } from './app-under-test';
import { handoffSection } from './handoff';
import { benchAgentStreaming } from './agent-stream';
import { benchCrossInstance } from './cross-instance';
import { idleSection } from './idle';
import { insightsSection } from './insights';
import { socketHeapSection } from './socket-heap';
import { judgementSection } from './judgement';
import { latencySection } from './latency';
import { filledLoadSection, loadSection } from './load';
import { printTable, type Row } from './stats';
import { triggersSection } from './triggers';

const ALL = [
  'triggers',
  'judgement',
  'load',
  'filled',
  'commands',
  'latency',
  'handoff',
  'idle',
  'heap',
  'instances',
  'agent',
  'insights',
] as const;
const only = new Set(
  (process.env.BENCH_ONLY ?? ALL.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
for (const s of only)
  if (!(ALL as readonly string[]).includes(s)) throw new Error(`BENCH_ONLY: unknown section "${s}"; known: ${ALL.join(', ')}`);

const rows: Row[] = [];
process.on('exit', (code) => code && console.error(`bench: exit code ${code}`));
// A hung database must not hang the run: print what was measured and fail.
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 900);
setTimeout(() => {
  console.log(`\nbench: stopped after ${MAX_SECONDS} s (BENCH_MAX_SECONDS); a section did not finish. Measured so far:`);
  printTable(rows);
  process.exit(1);
}, MAX_SECONDS * 1000).unref();
const run = async (name: string, section: (h: AppUnderTest) => Promise<void>) => {
  // A fresh app and database per section, so one section's documents do not slow the next.
  const h = await startAppUnderTest();
  const t0 = Date.now();
  try {
    await section(h);
  } finally {
    await h.close();
  }
  console.error(`bench: ${name} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
};

if (only.has('triggers')) triggersSection(rows);
if (only.has('judgement')) await judgementSection(rows);
if (only.has('load') || only.has('commands')) await run('load', (h) => loadSection(h, rows, only.has('commands')));
if (only.has('filled')) await run('filled', (h) => filledLoadSection(h, rows));
if (only.has('latency')) await run('latency', (h) => latencySection(h, rows));
if (only.has('handoff')) await run('handoff', (h) => handoffSection(h, rows));
if (only.has('idle')) await run('idle', (h) => idleSection(h, rows));
if (only.has('insights')) await run('insights', (h) => insightsSection(h, rows));
// These two print their own lines (each figure beside its same-run baseline).
// These print their own lines (each figure beside its same-run baseline).
const extraLines: string[] = [];
if (only.has('heap')) await run('heap', async (h) => void extraLines.push('', ...(await socketHeapSection(h, rows))));
if (only.has('instances')) extraLines.push('', 'several instances on one database:', ...(await benchCrossInstance()).lines);
if (only.has('agent')) extraLines.push('', 'AI agent through Baton against the local model server:', ...(await benchAgentStreaming()));

console.log(`\nbench on ${process.env.MONGODB_URI} (${new Date().toISOString()})`);
printTable(rows);
for (const line of extraLines) console.log(line);
process.exit(0);
