// An event crossing instances through the database event bus, against the same event delivered on
// the instance where it happened, in the same run: visitors on instance A send messages; one inbox
// is open on A (same instance) and one on B (the bus carries the event there). Each message's two
// arrival times give both figures and, per message, what the crossing added.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../shared/protocol-version';
import { type Harness, type InstanceHarness, seedOperator, seedSite } from '../../server/test-support/harness';
import { startInstances } from '../../server/test-support/instances';
import { createEventBus } from '../../server/realtime/event-bus';
import type { Db } from 'mongodb';

const VISITORS = Number(process.env.BENCH_CROSS_VISITORS ?? 5);
const MESSAGES = Number(process.env.BENCH_CROSS_MESSAGES ?? 40);

export interface LatencyFigures {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export interface CrossInstanceFigures {
  /** Visitor send -> inbox on the visitor's instance (no bus crossing). */
  sameInstance: LatencyFigures;
  /** Visitor send -> inbox on another instance (through the bus). */
  crossInstance: LatencyFigures;
  /** Per message: arrival on the other instance minus arrival on the same one. */
  addedByCrossing: LatencyFigures;
  /** The bus alone, no app around it: publish on one bus -> handed to another's subscriber. */
  busOnly: LatencyFigures;
  /** Same run, same database: one bare insertOne, the floor any database bus pays at least once. */
  insertBaseline: LatencyFigures;
  lines: string[];
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
function figures(xs: number[]): LatencyFigures {
  const sorted = [...xs].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { n: xs.length, p50: round(pct(sorted, 50)), p99: round(pct(sorted, 99)), max: round(sorted.at(-1) ?? 0) };
}

async function login(h: Harness, email: string): Promise<string> {
  const res = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'pw' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

interface Inbox {
  ws: WebSocket;
  /** When each visitor message (by clientMessageId) first reached it. */
  arrivals: Map<string, number>;
  /** Arrivals of a message already there: the bus must deliver each event once. */
  duplicates: number;
  /** Why the server closed it before the bench did, if it did: a closed inbox would count as "lost". */
  closedEarly: string | null;
}

/** An inbox socket that has said hello (without it the server closes the socket: hello_timeout). */
async function inbox(h: Harness, cookie: string): Promise<Inbox> {
  const ws = new WebSocket(`${h.wsUrl}/ws/operator?v=${PROTOCOL_VERSION}`, { headers: { cookie } });
  const box: Inbox = { ws, arrivals: new Map(), duplicates: 0, closedEarly: null };
  // The server subscribes the socket before its welcome: after it, no event of the run can be missed.
  const welcomed = new Promise<void>((resolve) => {
    ws.on('message', (raw) => {
      if (JSON.parse(raw.toString()).type === 'welcome') resolve();
    });
  });
  ws.on('message', (raw) => {
    const e = JSON.parse(raw.toString());
    if (e.type !== 'message_added' || !e.message.clientMessageId) return;
    if (box.arrivals.has(e.message.clientMessageId)) box.duplicates++;
    else box.arrivals.set(e.message.clientMessageId, performance.now());
  });
  ws.on('close', (code, reason) => {
    box.closedEarly ??= `${code} ${reason.toString()}`;
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'hello' }));
  await welcomed;
  return box;
}

/** 200 events at ~50/s from bus "x" to bus "y" on one database, and 200 bare inserts beside them. */
async function busAlone(db: Db): Promise<{ busOnly: LatencyFigures; insertBaseline: LatencyFigures }> {
  const x = createEventBus<{ t: number }>(db, { instanceId: 'bench-x' });
  const y = createEventBus<{ t: number }>(db, { instanceId: 'bench-y' });
  const crossed: number[] = [];
  await x.start(() => {});
  await y.start((e) => {
    if (e.origin === 'bench-x') crossed.push(performance.now() - e.payload.t);
  });
  for (let i = 0; i < 200; i++) {
    await x.publish({ t: performance.now() });
    await new Promise((r) => setTimeout(r, 20));
  }
  const end = performance.now() + 10_000;
  while (crossed.length < 200 && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
  await x.stop();
  await y.stop();
  const raw = db.collection('bench_raw_inserts');
  const inserts: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await raw.insertOne({ i, at: new Date() });
    inserts.push(performance.now() - t0);
  }
  return { busOnly: figures(crossed), insertBaseline: figures(inserts) };
}

export async function benchCrossInstance(): Promise<CrossInstanceFigures> {
  if (!process.env.MONGODB_URI) throw new Error('run with `npm run bench` (it starts the database)');
  const instances = await startInstances(['a', 'b']);
  try {
    const [a, b] = instances.all as [InstanceHarness, InstanceHarness];
    // Handoff off: the bench measures the message event, not the escalation around it.
    await seedSite(a, { siteId: 's', siteKey: 'bench', config: { handoffEnabled: false } });
    await seedOperator(a, { operatorId: 'op-a', email: 'a@bench.test', name: 'On A', siteIds: ['s'] });
    await seedOperator(a, { operatorId: 'op-b', email: 'b@bench.test', name: 'On B', siteIds: ['s'] });
    const inboxA = await inbox(a, await login(a, 'a@bench.test'));
    const inboxB = await inbox(b, await login(b, 'b@bench.test'));
    const onA = inboxA.arrivals;
    const onB = inboxB.arrivals;
    const sentAt = new Map<string, number>();

    await Promise.all(
      Array.from({ length: VISITORS }, async (_, v) => {
        const ws = new WebSocket(`${a.wsUrl}/ws/visitor?site=bench&v=${PROTOCOL_VERSION}`);
        const echoed = new Map<string, () => void>();
        ws.on('message', (raw) => {
          const e = JSON.parse(raw.toString());
          if (e.type === 'welcome') echoed.get('welcome')?.();
          if (e.type === 'message_added' && e.message.clientMessageId) echoed.get(e.message.clientMessageId)?.();
        });
        await new Promise((r) => ws.once('open', r));
        await new Promise<void>((r) => {
          echoed.set('welcome', r);
          ws.send(JSON.stringify({ type: 'hello', context: {}, afterSeq: 0 }));
        });
        for (let m = 0; m < MESSAGES; m++) {
          const id = `v${v}-m${m}-${randomUUID().slice(0, 4)}`;
          await new Promise<void>((r) => {
            echoed.set(id, r);
            sentAt.set(id, performance.now());
            ws.send(JSON.stringify({ type: 'send_message', clientMessageId: id, text: `question ${m} about lamps` }));
          });
          // Under the visitor socket's rate limit (5 frames/s sustained).
          await new Promise((r) => setTimeout(r, 250));
        }
        ws.close();
      }),
    );
    // The last crossings may still be on their way: "lost" means not there 10 s after the last send.
    const end = performance.now() + 10_000;
    while (onB.size < sentAt.size && performance.now() < end) await new Promise((r) => setTimeout(r, 20));
    // Read before closing: the bench's own close is not the server's.
    const closedEarly = [inboxA.closedEarly && `A: ${inboxA.closedEarly}`, inboxB.closedEarly && `B: ${inboxB.closedEarly}`].filter(
      Boolean,
    );
    for (const box of [inboxA, inboxB]) box.ws.close();

    const same: number[] = [];
    const cross: number[] = [];
    const added: number[] = [];
    for (const [id, t0] of sentAt) {
      const ta = onA.get(id);
      const tb = onB.get(id);
      if (ta !== undefined) same.push(ta - t0);
      if (tb !== undefined) cross.push(tb - t0);
      if (ta !== undefined && tb !== undefined) added.push(tb - ta);
    }
    const alone = await busAlone(a.db);
    const result = { sameInstance: figures(same), crossInstance: figures(cross), addedByCrossing: figures(added), ...alone };
    const fmt = (label: string, f: LatencyFigures) => `  ${label.padEnd(44)} n=${f.n}  p50=${f.p50} ms  p99=${f.p99} ms  max=${f.max} ms`;
    const lines = [
      `event crossing instances (${VISITORS} visitors on A x ${MESSAGES} messages; inboxes on A and on B; database event bus)`,
      fmt('baseline: visitor send -> inbox on A (same)', result.sameInstance),
      fmt('bus: visitor send -> inbox on B (crossing)', result.crossInstance),
      fmt('added by the crossing (B minus A, per msg)', result.addedByCrossing),
      `  lost on the way to B: ${sentAt.size - cross.length} of ${sentAt.size} (missing on A: ${sentAt.size - same.length}); delivered twice: A ${inboxA.duplicates}, B ${inboxB.duplicates}`,
      ...(closedEarly.length > 0
        ? [`  INBOX CLOSED BY THE SERVER DURING THE RUN (${closedEarly.join('; ')}): the figures above are not valid`]
        : []),
      'the bus alone (200 events at ~50/s, one bus to another, no app load)',
      fmt("bus: publish -> other instance's subscriber", result.busOnly),
      fmt('baseline: one bare insertOne, same database', result.insertBaseline),
    ];
    return { ...result, lines };
  } finally {
    await instances.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchCrossInstance();
  console.log(result.lines.join('\n'));
}
