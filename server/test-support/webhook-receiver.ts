import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStore } from '../store';
import type { SiteDoc } from '../store/documents';
import type { WebhookDeliveryDoc } from '../store/documents';
import { hasValidStandardSignature } from '../security/standard-webhooks';
import { createWebhookSender, type WebhookSender, type WebhookSenderDeps } from '../webhooks/webhook-sender';
import type { TestDatabase } from './test-database';
import { loopbackFetch } from './outbound';
import { SECRET, T0 } from './webhook-fixtures';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The test clock when it arrived. */
  atMs: number;
}

/** 'hang' never answers, so the sender's timeout fires; 'slow' answers 200 after 200 ms. */
export type Answer = number | 'hang' | 'slow';

export interface LogLine {
  level: string;
  context: Record<string, unknown>;
  message: string;
}

/** A site's webhook receiver on a real port, a clock the test moves, and senders over a real database. */
export async function startWebhookBench(t: TestDatabase) {
  const bench = {
    clockMs: T0.getTime() + 3_600_000,
    received: [] as Received[],
    logs: [] as LogLine[],
    /** Each request takes the next answer, 200 once they run out; `answerFor` overrides. */
    answers: [] as Answer[],
    answerFor: null as ((r: Received) => Answer) | null,
    onRequest: (_r: Received) => {},
    baseUrl: '',
    senders: [] as WebhookSender[],
    advance(ms: number): void {
      bench.clockMs += ms;
    },
    async seed(site: SiteDoc): Promise<SiteDoc> {
      await t.store.sites.upsert(site);
      return site;
    },
    /** A sender of its own store, as another server instance over the same database would have. */
    sender(overrides: Partial<WebhookSenderDeps> & { idPrefix?: string } = {}): WebhookSender {
      let ids = 0;
      const { idPrefix = 'delivery', ...rest } = overrides;
      const record = (level: string) => (context: object, message: string) =>
        bench.logs.push({ level, context: context as Record<string, unknown>, message });
      const store = createStore(t.db);
      const sender = createWebhookSender({
        // As composition.ts wires it: site reads past the cache.
        store: { ...store, sites: { ...store.sites, get: store.sites.fresh } },
        log: { info: record('info'), warn: record('warn'), error: record('error') },
        now: () => new Date(bench.clockMs),
        newId: () => `${idPrefix}-${++ids}`,
        retryDelaysMs: [60_000, 60_000, 60_000],
        timeoutMs: 2_000,
        fetch: loopbackFetch,
        ...rest,
      });
      bench.senders.push(sender);
      return sender;
    },
    signedWith: (secret: string, r: Received, nowMs = r.atMs) => hasValidStandardSignature(secret, r.headers, r.body, nowMs),
    signed: (r: Received, nowMs = r.atMs) => bench.signedWith(SECRET, r, nowMs),
    deliveryIds: () => bench.received.map((r) => String(r.headers['x-baton-delivery'])),
    row: (deliveryId: string) => t.db.collection<WebhookDeliveryDoc>('webhook_deliveries').findOne({ _id: deliveryId }),
    async reset(): Promise<void> {
      // A request left hanging would hold its sender's close until the sender's timeout.
      server.closeAllConnections();
      await Promise.all(bench.senders.splice(0).map((s) => s.close()));
      await Promise.all([t.db.collection('webhook_deliveries').deleteMany({}), t.db.collection('webhook_attempts').deleteMany({})]);
      Object.assign(bench, {
        clockMs: T0.getTime() + 3_600_000,
        received: [],
        logs: [],
        answers: [],
        answerFor: null,
        onRequest: () => {},
      });
    },
    async stop(): Promise<void> {
      server.closeAllConnections();
      await Promise.all(bench.senders.splice(0).map((s) => s.close()));
      await new Promise((resolve) => server.close(resolve));
    },
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), atMs: bench.clockMs };
      bench.received.push(r);
      bench.onRequest(r);
      answer(bench.answerFor ? bench.answerFor(r) : (bench.answers.shift() ?? 200), res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  bench.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return bench;
}

function answer(status: Answer, res: ServerResponse): void {
  if (status === 'hang') return;
  if (status === 'slow') {
    setTimeout(() => res.end('ok'), 200);
    return;
  }
  if (status >= 300 && status < 400) res.setHeader('location', 'https://elsewhere.example/hooks');
  res.statusCode = status;
  res.end('ok');
}
