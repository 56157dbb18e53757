import { Counter, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics for operations (GET /metrics, transport/http/metrics-route.ts). One registry
// per app instance (never prom-client's global one), so tests that start several apps stay apart.
// What changes at the moment it happens is counted here; what is a state of the database (queues,
// webhook deliveries) or of another part (embeddings, operators connected) is read at scrape time.

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const WAIT_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];

export type SocketKind = 'visitor' | 'operator';

export function createMetrics() {
  const registry = new Registry();
  const httpRequests = new Counter({
    name: 'baton_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'baton_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const socketFrames = new Counter({
    name: 'baton_socket_frames_total',
    help: 'Socket frames received, by socket and frame type',
    labelNames: ['socket', 'type'],
    registers: [registry],
  });
  const socketDuration = new Histogram({
    name: 'baton_socket_frame_duration_seconds',
    help: 'Time to handle a socket frame',
    labelNames: ['socket'],
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const connectedVisitors = new Gauge({
    name: 'baton_connected_visitors',
    help: 'Visitor sockets open on this instance',
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'baton_handoffs_total',
    help: 'Handoffs to a person, by the trigger filed under and the queue',
    labelNames: ['trigger', 'queue'],
    registers: [registry],
  });
  const timeToHuman = new Histogram({
    name: 'baton_time_to_human_seconds',
    help: 'From escalation to a person taking the conversation',
    buckets: WAIT_BUCKETS,
    registers: [registry],
  });
  const dbErrors = new Counter({
    name: 'baton_db_errors_total',
    help: 'Database commands that failed',
    labelNames: ['command'],
    registers: [registry],
  });
  return {
    registry,
    http(method: string, route: string, status: number, seconds: number) {
      httpRequests.inc({ method, route, status: String(status) });
      httpDuration.observe({ method, route }, seconds);
    },
    socketFrame(socket: SocketKind, type: string) {
      socketFrames.inc({ socket, type });
    },
    socketFrameHandled(socket: SocketKind, seconds: number) {
      socketDuration.observe({ socket }, seconds);
    },
    visitorSocket(delta: 1 | -1) {
      connectedVisitors.inc(delta);
    },
    handoff(trigger: string, queue: string) {
      handoffs.inc({ trigger, queue });
    },
    timeToHuman(seconds: number) {
      timeToHuman.observe(seconds);
    },
    dbError(command: string) {
      dbErrors.inc({ command });
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/** Gauges read when scraped: a callback per gauge, run by prom-client on collect. */
export interface ScrapeSources {
  connectedOperators(): number;
  /** Waiting conversations per site and queue, with the oldest wait in seconds. */
  queues(): Promise<Array<{ siteId: string; queue: string; length: number; oldestWaitSeconds: number }>>;
  webhookDeliveries(): Promise<Array<{ status: string; count: number }>>;
  /** 1 when the embeddings service is degraded (answers missing), 0 when up or not configured. */
  embeddingsDegraded(): number;
}

export function registerScrapeGauges(metrics: Metrics, sources: ScrapeSources): void {
  const registers = [metrics.registry];
  new Gauge({
    name: 'baton_connected_operators',
    help: 'Operators with an inbox socket open on any instance',
    registers,
    collect() {
      this.set(sources.connectedOperators());
    },
  });
  // Each reads the waiting conversations itself: prom-client collects gauges concurrently.
  const perQueue = (name: string, help: string, value: (q: { length: number; oldestWaitSeconds: number }) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['site', 'queue'],
      registers,
      async collect() {
        const queues = await sources.queues();
        this.reset();
        for (const q of queues) this.set({ site: q.siteId, queue: q.queue }, value(q));
      },
    });
  perQueue('baton_queue_length', 'Conversations waiting for a person, per queue', (q) => q.length);
  perQueue(
    'baton_queue_oldest_wait_seconds',
    'How long the longest-waiting conversation of each queue has waited',
    (q) => q.oldestWaitSeconds,
  );
  new Gauge({
    name: 'baton_webhook_deliveries',
    help: 'Handoff webhook deliveries kept in the outbox, by status (delivered, failed, pending)',
    labelNames: ['status'],
    registers,
    async collect() {
      this.reset();
      for (const d of await sources.webhookDeliveries()) this.set({ status: d.status }, d.count);
    },
  });
  new Gauge({
    name: 'baton_embeddings_degraded',
    help: '1 while the embeddings service is degraded (turns are judged by the rules alone)',
    registers,
    collect() {
      this.set(sources.embeddingsDegraded());
    },
  });
}
