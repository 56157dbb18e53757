import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trainLinearHead } from '../domain/triggers/linear-head';
import type { Example } from '../domain/triggers/meaning';
import { loadExampleBank } from './example-bank';
import { decodeHeads, encodeHeads, headsFileName, loadHeads } from './head-file';

const examples: Example[] = [
  { label: 'refund', text: 'I want my money back', from: 'visitor' },
  { label: 'none', text: 'what is your refund policy?', from: 'visitor' },
];
const head = trainLinearHead([Float32Array.from([1, 0]), Float32Array.from([0, 1])], ['refund', 'none'], { steps: 10 });
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the trained heads file', () => {
  it('gives back the weights it was written with, for the model it names', () => {
    const { heads, isStale } = decodeHeads(encodeHeads('m', examples, { visitor: head }), 'm', examples);
    expect(isStale).toBe(false);
    expect(heads.bot).toBeUndefined();
    expect(heads.visitor?.labels).toEqual(head.labels);
    expect([...(heads.visitor?.weights ?? [])]).toEqual([...head.weights]);
    expect(() => decodeHeads(encodeHeads('m', examples, { visitor: head }), 'other-model', examples)).toThrow(/for m, not other-model/);
  });

  it('says when the bank changed since the heads were trained', () => {
    const json = encodeHeads('m', examples, { visitor: head });
    expect(decodeHeads(json, 'm', [...examples, { label: 'none', text: 'thanks!', from: 'visitor' }]).isStale).toBe(true);
  });

  it('refuses a head whose weights do not fit its labels and dimensions', () => {
    const broken = JSON.parse(encodeHeads('m', examples, { visitor: head }));
    broken.visitor.labels.push('legal');
    expect(() => decodeHeads(JSON.stringify(broken), 'm', examples)).toThrow(/npm run calibrate/);
  });

  it('finds no heads for a model none were trained for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-heads-'));
    made.push(dir);
    expect(loadHeads('m', examples, dir)).toBeNull();
    writeFileSync(join(dir, headsFileName('m')), encodeHeads('m', examples, { visitor: head }));
    expect(loadHeads('m', examples, dir)?.heads.visitor?.dim).toBe(2);
  });

  it('has the local model’s heads trained on the bank as it is now (else run npm run calibrate)', () => {
    const loaded = loadHeads('multilingual-e5-small-q4', loadExampleBank());
    expect(loaded?.isStale).toBe(false);
    expect(loaded?.heads.visitor?.labels).toContain('human_request');
    expect(loaded?.heads.bot?.labels).toContain('bot_cannot');
  });
});
