// The semantic layer in the live server, against a real embeddings service this file starts, kills
// and restarts (a second local instance beside the one scripts/with-db.sh provides), a real
// database and real sockets: meanings decide what keywords miss; without the service the rules
// decide alone, nothing waits, /healthz says so, and it all comes back by itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePackage } from '../../shared/case-package';
import { loadEmbeddingsConfig } from '../services/embeddings';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

const root = resolve(import.meta.dirname, '../..');
// Keywords miss these refund requests ("I'd like to receive the amount back", "I'd like my money for the
// order again"; checked by replaying them with `triggers.semantic.enabled: false`); their meaning does
// not. Two, because the server keeps the vectors of texts it has seen in memory.
const PARAPHRASED_REFUND = 'Me gustaría recibir de vuelta el importe del pedido 48213';
const ANOTHER_PARAPHRASE = 'Ich hätte gern mein Geld für die Bestellung 48213 wieder';

let h: Harness;
let port: number;
let service: ChildProcess | null = null;
const logLines: { level: number; msg: string }[] = [];

function startService(): void {
  // scripts/embeddings.sh execs the server, so the child's pid is the server's own.
  service = spawn('bash', ['-c', `source scripts/embeddings.sh && baton_embeddings_exec ${port}`], { cwd: root, stdio: 'ignore' });
}

async function killService(): Promise<void> {
  const child = service;
  service = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGKILL');
  await exited;
}

async function until<T>(attempt: () => Promise<T | null>, what: string, ms = 120_000): Promise<T> {
  const giveUpAt = Date.now() + ms;
  while (Date.now() < giveUpAt) {
    const result = await attempt();
    if (result !== null) return result;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting: ${what}`);
}

async function health(): Promise<{ status: number; body: { status: string; db: string; embeddings: Record<string, string> } }> {
  const res = await fetch(`${h.baseUrl}/healthz`);
  return { status: res.status, body: await res.json() };
}

interface Judged {
  conversationId: string;
  /** The case package when it was handed off; null when the bot answered. */
  casePackage: CasePackage | null;
}

/** One visitor, one message. */
async function judge(text: string): Promise<Judged> {
  const { client } = await visitorSession(h, 'key-a');
  try {
    client.send({ type: 'send_message', clientMessageId: 'm', text });
    const outcome = await Promise.race([
      client.waitFor('handoff_started').then(
        () => 'handoff' as const,
        () => 'neither' as const,
      ),
      client
        .waitFor('message_added', (e) => e.message.sender.kind === 'bot')
        .then(
          () => 'bot' as const,
          () => 'neither' as const,
        ),
    ]);
    if (outcome === 'neither') throw new Error(`neither a handoff nor a bot answer to "${text}"`);
    const conversationId = client.events.flatMap((e) => (e.type === 'message_added' ? [e.message.conversationId] : []))[0]!;
    if (outcome === 'bot') return { conversationId, casePackage: null };
    return { conversationId, casePackage: (await h.deps.store.conversations.get(conversationId))?.casePackage ?? null };
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  if (!process.env.EMBEDDINGS_URL) throw new Error('EMBEDDINGS_URL is not set: run this file through scripts/with-db.sh');
  port = await new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as { port: number };
      probe.close(() => done(free));
    });
  });
  startService();
  const logs = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  h = await startHarness({
    log: pino({ level: 'info' }, logs),
    flowOptions: {
      // A generous live deadline: two shared cores must not make a slow answer look like an outage here
      // (the deadline itself is tested in services/embeddings/embeddings.int.test.ts).
      embeddings: { ...loadEmbeddingsConfig(process.env), baseUrl: `http://127.0.0.1:${port}/v1`, timeoutMs: 5_000 },
      embeddingsBackoff: { baseMs: 300, maxMs: 1_000 },
    },
  });
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'], role: 'admin' });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await killService();
});

describe('handoff judgement by meaning, live', () => {
  it('hands off what only the meaning shows, shows what it was close to, and keeps working on the rules while the service is gone', {
    timeout: 480_000,
  }, async () => {
    // Start-up did not wait for the example bank: the server answered before it was ready.
    const ready = await until(
      async () => {
        const { body } = await health();
        return body.embeddings.exampleBank === 'ready' && body.embeddings.state === 'up' ? body : null;
      },
      'the example bank to be built',
      300_000,
    );
    expect(ready).toMatchObject({ status: 'ok', db: 'up' });

    // 1. The semantic layer catches the paraphrase: billing, with the evidence the operator reads.
    const { conversationId, casePackage: refund } = await judge(PARAPHRASED_REFUND);
    expect(refund).not.toBeNull();
    expect(refund!.queue).toBe('billing');
    expect(refund!.triggers[0]).toEqual({ trigger: 'policy_topic', evidence: expect.stringMatching(/^close to ".+" \(0\.\d\d\)$/) });
    // The inbox reads the same evidence through the operator API.
    const ana = await loginOperator(h, 'ana@a.test');
    const detail = await ana.fetch(`/api/conversations/${conversationId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.casePackage.triggers[0]).toEqual(refund!.triggers[0]);

    // 2. The service dies mid-conversation: the same words now get a bot answer (rules alone), a
    //    keyword case still escalates, and the health details say what is going on.
    await killService();
    expect((await judge(ANOTHER_PARAPHRASE)).casePackage).toBeNull();
    const degraded = await health();
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({
      status: 'ok',
      db: 'up',
      embeddings: { state: 'degraded', reason: expect.stringMatching(/ECONNREFUSED|fetch failed/) },
    });
    const keyword = await judge('I want to talk to a person');
    expect(keyword.casePackage?.triggers[0]?.trigger).toBe('human_request');
    expect(logLines.some((l) => l.level === 40 && l.msg.startsWith('embeddings service degraded'))).toBe(true);

    // 3. It comes back by itself: the next messages find the service again.
    startService();
    const again = await until(async () => (await judge(ANOTHER_PARAPHRASE)).casePackage, 'semantic escalations after the restart');
    expect(again.triggers[0]?.evidence).toMatch(/^close to /);
    expect((await health()).body.embeddings.state).toBe('up');
    expect(logLines.some((l) => l.level === 30 && l.msg === 'embeddings service recovered')).toBe(true);
  });
});
