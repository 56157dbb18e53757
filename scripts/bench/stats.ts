// Small statistics and the printed table shared by every section.

export const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
export const median = (xs: number[]): number => pct(xs, 50);

/** One printed line: a figure of the product beside its same-run baseline. */
export interface Row {
  section: string;
  measured: string;
  figure: string;
  baseline: string;
  /** figure / baseline of the compared quantity (e.g. messages/s, or p50 ms). */
  ratio: number | null;
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : 'n/a');
export const perSec = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)}/s` : 'n/a');

export function printTable(rows: Row[]): void {
  const head = ['section', 'measured', 'figure', 'same-run baseline', 'ratio'];
  const cells = rows.map((r) => [
    r.section,
    r.measured,
    r.figure,
    r.baseline,
    r.ratio === null || !Number.isFinite(r.ratio) ? '' : `${r.ratio.toFixed(2)}x`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const fmt = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(fmt(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const c of cells) console.log(fmt(c));
}

export const sleep = (msDelay: number) => new Promise((r) => setTimeout(r, msDelay));

/** Runs `work(i)` for i < count with at most `limit` in flight; stops starting new ones after `deadline`. */
export async function pool(count: number, limit: number, deadline: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count && Date.now() < deadline) {
        const i = next++;
        await work(i);
        done++;
      }
    }),
  );
  return done;
}

/** This process's RSS after three rounds of garbage collection (run with --expose-gc, as `npm run bench` is). */
export async function settledRss(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (npm run bench does)');
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(200);
  }
  return process.memoryUsage().rss;
}
