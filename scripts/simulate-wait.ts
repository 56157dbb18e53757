import { simulate } from './simulate-wait/simulate';
import type { Summary } from './simulate-wait/metrics';

// Usage: npm run simulate:wait -- [seed] [days]
const seed = Number(process.argv[2] ?? 42);
const days = Number(process.argv[3] ?? 1);
const report = simulate(seed, days);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const min = (x: number) => `${x.toFixed(1)} min`;
const row = (label: string, s: Summary) =>
  `${label.padEnd(26)} ${String(s.count).padStart(6)} ${pct(s.numericShare).padStart(9)} ${min(s.medianErrorMinutes).padStart(10)} ${min(s.p90ErrorMinutes).padStart(10)} ${pct(s.coverage).padStart(9)} ${min(s.meanWidthMinutes).padStart(10)}`;

console.log(`Wait-estimate simulation: seed ${seed}, ${days} day(s), ${report.unserved} arrival(s) never claimed (excluded)`);
console.log(
  `${''.padEnd(26)} ${'count'.padStart(6)} ${'numeric'.padStart(9)} ${'median err'.padStart(10)} ${'p90 err'.padStart(10)} ${'coverage'.padStart(9)} ${'mean width'.padStart(10)}`,
);
console.log(row('estimateWait', report.estimate));
console.log(row('naive (pos*handle/ops ±50%)', report.baseline));
console.log('Arrivals that had to queue (more ahead than free slots):');
console.log(row('estimateWait', report.queued.estimate));
console.log(row('naive (pos*handle/ops ±50%)', report.queued.baseline));
