// The example bank's trained heads, one file per embedding model in data/handoff-heads/, written by
// `npm run calibrate` (which trains them on the bank, then sets the thresholds on top of them) and
// versioned with the bank. Training takes tens of seconds of arithmetic: a server must not spend
// them at start-up, so it reads the file. A model without a file has no head: nearness decides alone.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LinearHead } from '../domain/triggers/linear-head';
import type { Example } from '../domain/triggers/meaning';
import { locateExampleBank } from './bank-location';

export interface BankHeads {
  visitor?: LinearHead;
  bot?: LinearHead;
}

interface EncodedHead {
  labels: string[];
  dim: number;
  mean: string;
  inverseSpread: string;
  weights: string;
}

interface HeadsFile {
  model: string;
  /** Digest of the examples the heads were trained on: a bank changed since then wants a new calibration. */
  bank: string;
  visitor?: EncodedHead;
  bot?: EncodedHead;
}

const toBase64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
const fromBase64 = (text: string): Float32Array => new Float32Array(new Uint8Array(Buffer.from(text, 'base64')).buffer);

export function bankDigest(examples: readonly Example[]): string {
  const hash = createHash('sha256');
  for (const e of examples) hash.update(`${e.from}\0${e.label}\0${e.text}\n`);
  return hash.digest('hex').slice(0, 16);
}

export const headsFileName = (model: string): string => `${model.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}.json`;

/** data/handoff-heads beside the example bank (BATON_DATA_DIR respected the same way). */
export const headsDir = (bankDir: string = locateExampleBank()): string => join(dirname(bankDir), 'handoff-heads');

const encodeHead = (h: LinearHead): EncodedHead => ({
  labels: [...h.labels],
  dim: h.dim,
  mean: toBase64(h.mean),
  inverseSpread: toBase64(h.inverseSpread),
  weights: toBase64(h.weights),
});

function decodeHead(e: EncodedHead): LinearHead {
  const head = {
    labels: e.labels,
    dim: e.dim,
    mean: fromBase64(e.mean),
    inverseSpread: fromBase64(e.inverseSpread),
    weights: fromBase64(e.weights),
  };
  if (head.mean.length !== e.dim || head.inverseSpread.length !== e.dim || head.weights.length !== e.labels.length * (e.dim + 1)) {
    throw new Error(
      `a trained head of ${e.labels.length} labels × ${e.dim} dimensions has the wrong number of weights: run npm run calibrate`,
    );
  }
  return head;
}

export function encodeHeads(model: string, examples: readonly Example[], heads: BankHeads): string {
  const file: HeadsFile = { model, bank: bankDigest(examples) };
  if (heads.visitor) file.visitor = encodeHead(heads.visitor);
  if (heads.bot) file.bot = encodeHead(heads.bot);
  return `${JSON.stringify(file)}\n`;
}

export interface LoadedHeads {
  heads: BankHeads;
  /** Whether the bank changed since the heads were trained (they still apply, to the examples they saw). */
  isStale: boolean;
}

export function decodeHeads(json: string, model: string, examples: readonly Example[]): LoadedHeads {
  const file = JSON.parse(json) as HeadsFile;
  if (file.model !== model) throw new Error(`the trained heads are for ${file.model}, not ${model}`);
  const heads: BankHeads = {};
  if (file.visitor) heads.visitor = decodeHead(file.visitor);
  if (file.bot) heads.bot = decodeHead(file.bot);
  return { heads, isStale: file.bank !== bankDigest(examples) };
}

/** The model's heads from data/handoff-heads, or null when none were trained for it. */
export function loadHeads(model: string, examples: readonly Example[], dir: string = headsDir()): LoadedHeads | null {
  const path = join(dir, headsFileName(model));
  return existsSync(path) ? decodeHeads(readFileSync(path, 'utf8'), model, examples) : null;
}
