// The example bank: labelled utterances in data/handoff-examples/*.jsonl, one per line
// ({"text","lang","label","from"}), versioned with the code. A site's own examples join it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteExample } from '../../shared/config/semantic';
import { locateExampleBank } from './bank-location';
import { type Example, NONE, SMALL_TALK } from '../domain/triggers/meaning';
import { BOT_CANNOT } from '../domain/triggers/semantic-signals';

interface BankLine {
  text?: unknown;
  label?: unknown;
  kind?: unknown;
  from?: unknown;
}

/** Non-escalating examples of these kinds are small talk (an unsure reply to them is no low-confidence answer). */
const SMALL_TALK_KINDS = new Set(['smalltalk', 'satisfied', 'joy']);

function parseLine(line: string, where: string): Example {
  const row = JSON.parse(line) as BankLine;
  if (typeof row.text !== 'string' || typeof row.label !== 'string' || (row.from !== 'visitor' && row.from !== 'bot')) {
    throw new Error(`${where}: an example needs text, label and from ("visitor" or "bot")`);
  }
  const label = row.label === NONE && typeof row.kind === 'string' && SMALL_TALK_KINDS.has(row.kind) ? SMALL_TALK : row.label;
  return { text: row.text, label, from: row.from };
}

/** Every example of the bank; a malformed line stops the start with its file and line number. */
export function loadExampleBank(dir: string = locateExampleBank()): Example[] {
  const examples: Example[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    for (const [i, line] of lines.entries()) if (line.trim() !== '') examples.push(parseLine(line, `${file}:${i + 1}`));
  }
  return examples;
}

/** A site's sentences are what visitors write, except those teaching what the bot says when it cannot help. */
export const siteExamples = (examples: readonly SiteExample[]): Example[] =>
  examples.map(({ label, text }) => ({ label, text, from: label === BOT_CANNOT ? 'bot' : 'visitor' }));
