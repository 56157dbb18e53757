import { describe, expect, it } from 'vitest';
import { SiteConfig } from '../../shared/site-config';
import type { Turn } from '../domain/handoff-decision';
import type { Example } from '../domain/triggers/meaning';
import type { Site } from '../entities/site';
import type { EmbedderStatus, Embeddings } from '../services/embeddings';
import { trainLinearHead } from '../domain/triggers/linear-head';
import { createMeanings } from './meanings';

// A stand-in for the embeddings service: a text's vector is the unit axis of its first word, so
// "money back please" and "money back now" are identical and "hello there" is orthogonal to both.
const AXES = ['money', 'hello', 'lamp', 'person'];
function vectorOf(text: string): Float32Array {
  const v = new Float32Array(AXES.length);
  v[Math.max(0, AXES.indexOf(text.split(' ')[0]!.toLowerCase()))] = 1;
  return v;
}

function fakeEmbeddings() {
  const sent: string[][] = [];
  let up = true;
  let release: (() => void) | null = null;
  const embeddings: Embeddings = {
    model: 'fake',
    async embed(texts) {
      sent.push([...texts]);
      return up ? texts.map(vectorOf) : null;
    },
    async embedMany(texts) {
      if (release === null) await new Promise<void>((r) => (release = r));
      return up ? texts.map(vectorOf) : null;
    },
    status: (): EmbedderStatus => ({ state: up ? 'up' : 'degraded', since: '2026-12-06T00:00:00.000Z' }),
  };
  return {
    embeddings,
    sent,
    setUp(value: boolean) {
      up = value;
    },
    /** Lets the bulk (bank and site) builds through from now on. */
    openBulk() {
      const r = release;
      release = () => {};
      r?.();
    },
  };
}

const bank: Example[] = [
  { label: 'refund', text: 'money back please', from: 'visitor' },
  { label: 'none', text: 'hello there', from: 'visitor' },
];
const quiet = { info: () => {}, warn: () => {} };
const tick = () => new Promise((r) => setTimeout(r, 0));

function siteWith(examples: { label: string; text: string }[] = []): Site {
  return {
    _id: 'site-a',
    siteKey: 'key-a',
    name: 'A',
    secret: 's',
    configVersion: 1,
    updatedAt: new Date(),
    config: SiteConfig.parse({
      triggers: {
        policy_topic: { topics: [{ id: 'warranty', label: 'your warranty', keywords: ['warranty'], queue: 'general' }] },
        semantic: { examples },
      },
    }),
  };
}
const visitor = (text: string): Turn => ({ from: 'visitor', text });

describe('meanings in the live server', () => {
  it('judges by the rules alone until the example bank is built, without waiting for it', async () => {
    const fake = fakeEmbeddings();
    const meanings = createMeanings({ embeddings: fake.embeddings, log: quiet, loadBank: () => bank, liveDeadlineMs: 50 });
    meanings.start();
    expect(meanings.status().exampleBank).toBe('loading');
    expect(await meanings.attach(siteWith(), [visitor('money back now')])).toEqual([visitor('money back now')]);
    fake.openBulk();
    await tick();
    expect(meanings.status().exampleBank).toBe('ready');
    const [judged] = await meanings.attach(siteWith(), [visitor('money back now')]);
    expect(judged?.meaning?.labels.refund).toMatchObject({ example: 'money back please', similarity: 1 });
  });

  it("joins the site's own examples, and sends a text seen before no more", async () => {
    const fake = fakeEmbeddings();
    fake.openBulk();
    const meanings = createMeanings({ embeddings: fake.embeddings, log: quiet, loadBank: () => bank, liveDeadlineMs: 50 });
    meanings.start();
    await tick();
    const site = siteWith([{ label: 'warranty', text: 'lamp broke after 3 months' }]);
    meanings.prepare(site);
    await tick();
    const turns = [visitor('lamp stopped working'), visitor('lamp stopped working')];
    const [first] = await meanings.attach(site, turns);
    expect(first?.meaning?.labels.warranty).toMatchObject({ example: 'lamp broke after 3 months' });
    await meanings.attach(site, [visitor('lamp stopped working'), visitor('person please')]);
    expect(fake.sent).toEqual([['lamp stopped working'], ['person please']]);
    // Another site's sentences are not this one's.
    const [plain] = await meanings.attach(siteWith(), [visitor('lamp stopped working')]);
    expect(plain?.meaning?.labels.warranty).toBeUndefined();
  });

  it("reads the bank's trained head, and leaves out one of other dimensions than the service's vectors", async () => {
    const fake = fakeEmbeddings();
    fake.openBulk();
    const head = trainLinearHead(
      bank.map((e) => vectorOf(e.text)),
      bank.map((e) => e.label),
      { steps: 20 },
    );
    const meanings = createMeanings({
      embeddings: fake.embeddings,
      log: quiet,
      loadBank: () => bank,
      loadHeads: () => ({ heads: { visitor: head }, isStale: false }),
      liveDeadlineMs: 50,
    });
    meanings.start();
    await tick();
    const [judged] = await meanings.attach(siteWith(), [visitor('money back now')]);
    expect(judged?.meaning?.probabilities?.refund).toBeGreaterThan(0.5);
    const narrow = trainLinearHead([Float32Array.from([1, 0]), Float32Array.from([0, 1])], ['refund', 'none'], { steps: 5 });
    const other = createMeanings({
      embeddings: fake.embeddings,
      log: quiet,
      loadBank: () => bank,
      loadHeads: () => ({ heads: { visitor: narrow }, isStale: false }),
      liveDeadlineMs: 50,
    });
    other.start();
    await tick();
    const [plain] = await other.attach(siteWith(), [visitor('money back now')]);
    expect(plain?.meaning?.labels.refund).toBeDefined();
    expect(plain?.meaning?.probabilities).toBeUndefined();
  });

  it('leaves the turns to the rules when the service does not answer, and the site has the layer off', async () => {
    const fake = fakeEmbeddings();
    fake.openBulk();
    const meanings = createMeanings({ embeddings: fake.embeddings, log: quiet, loadBank: () => bank, liveDeadlineMs: 50 });
    meanings.start();
    await tick();
    fake.setUp(false);
    expect(await meanings.attach(siteWith(), [visitor('money back now')])).toEqual([visitor('money back now')]);
    expect(meanings.status()).toMatchObject({ state: 'degraded', exampleBank: 'ready' });
    fake.setUp(true);
    const off = siteWith();
    off.config.triggers.semantic.enabled = false;
    expect(await meanings.attach(off, [visitor('money back now')])).toEqual([visitor('money back now')]);
  });
});
