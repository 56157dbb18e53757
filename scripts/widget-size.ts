// Prints what the widget costs a host page and fails (exit 1) past the budget from the widget issue:
// widget.js at most 4 KB gzip, widget.js + widget-panel.js at most 24 KB gzip (raised from 20 KB as
// issue 14 allows, for streamed bot answers in issue 16). KB = 1000 bytes,
// as in Vite's build output. Run after `vite build --mode panel` and `vite build --mode launcher`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { UNHASHED_PANEL, readPanelFile } from './build/panel-file';

const dist = resolve(import.meta.dirname, '../dist/public');
const launcherBudget = 4_000;
const totalBudget = 24_000;

interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(file: string): Size | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(dist, file));
  } catch {
    return null;
  }
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`.padStart(10);
const verdict = (bytes: number, budget: number) =>
  bytes <= budget ? `ok (≤ ${kb(budget).trim()})` : `OVER by ${kb(bytes - budget).trim()} (budget ${kb(budget).trim()})`;

const launcher = measure('widget.js');
// The hashed panel is what the launcher loads; the unhashed copy only serves launchers cached before hashing.
const panelFile = (() => {
  try {
    return readPanelFile(dist);
  } catch {
    return UNHASHED_PANEL;
  }
})();
const panel = measure(panelFile);
if (!launcher || !panel) {
  console.error(`Missing ${launcher ? panelFile : 'widget.js'} in ${dist}.`);
  console.error('Build first: npx vite build --mode panel && npx vite build --mode launcher');
  process.exit(1);
}
const total: Size = {
  raw: launcher.raw + panel.raw,
  gzip: launcher.gzip + panel.gzip,
  brotli: launcher.brotli + panel.brotli,
};

console.log(`${'file'.padEnd(16)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}  gzip budget`);
const row = (name: string, size: Size, note: string) =>
  console.log(`${name.padEnd(16)}${kb(size.raw)}${kb(size.gzip)}${kb(size.brotli)}  ${note}`);
row('widget.js', launcher, verdict(launcher.gzip, launcherBudget));
row('widget-panel', panel, `${panelFile}, loaded on first open`);
row('total', total, verdict(total.gzip, totalBudget));

if (launcher.gzip > launcherBudget || total.gzip > totalBudget) process.exitCode = 1;
