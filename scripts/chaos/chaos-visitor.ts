import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../shared/protocol-version';
import type { VisitorEvent } from '../../shared/visitor-protocol';

// A visitor that behaves as the widget promises to: it keeps what it wrote until the server echoes
// it (message_added with its clientMessageId is the acknowledgement), reconnects with its token and
// the last seq it holds, and resends what is unacknowledged, oldest first, under the same ids.

const RESEND_AFTER_MS = 2_000;
const WINDOW = 2;

interface Pending {
  id: string;
  text: string;
  lastSentAt: number;
}

export class ChaosVisitor {
  readonly sent: string[] = [];
  readonly received = new Set<number>();
  readonly ackedAt = new Map<string, number>();
  conversationId: string | null = null;
  private readonly pending: Pending[] = [];
  private token: string | null = null;
  private socket: WebSocket | null = null;
  private ready = false;
  private stopped = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private reconnectDelay = 200;

  constructor(
    readonly name: string,
    private readonly baseUrl: string,
    private readonly siteKey: string,
  ) {}

  start(): void {
    this.connect();
    this.timer = setInterval(() => this.flush(), 250);
  }

  /** Writes one more message (kept until acknowledged). */
  write(): void {
    const id = `${this.name}-m${this.sent.length + 1}`;
    this.sent.push(id);
    this.pending.push({ id, text: `Question ${this.sent.length} from ${this.name}: where is my order?`, lastSentAt: 0 });
    this.flush();
  }

  unacknowledged(): string[] {
    return this.pending.map((p) => p.id);
  }

  /** Drops the connection the way a network does: no close frame. */
  drop(): void {
    this.socket?.terminate();
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.socket?.terminate();
  }

  private lastContiguousSeq(): number {
    let seq = 0;
    while (this.received.has(seq + 1)) seq++;
    return seq;
  }

  private connect(): void {
    if (this.stopped) return;
    const token = this.token ? `&token=${encodeURIComponent(this.token)}` : '';
    const socket = new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/ws/visitor?site=${this.siteKey}&v=${PROTOCOL_VERSION}${token}`);
    this.socket = socket;
    this.ready = false;
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', context: {}, afterSeq: this.lastContiguousSeq() })));
    socket.on('message', (raw) => this.onEvent(JSON.parse(raw.toString()) as VisitorEvent));
    socket.on('error', () => {});
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.ready = false;
      this.socket = null;
      if (this.stopped) return;
      setTimeout(() => this.connect(), this.reconnectDelay);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 2_000);
    });
  }

  private onEvent(event: VisitorEvent): void {
    if (event.type === 'welcome') {
      this.token = event.visitorToken;
      this.ready = true;
      this.reconnectDelay = 200;
      for (const m of event.messages) this.record(m);
      // Everything unacknowledged goes again, oldest first, under its own id.
      for (const p of this.pending) p.lastSentAt = 0;
      this.flush();
    } else if (event.type === 'message_added') {
      this.record(event.message);
    } else if (event.type === 'history') {
      for (const m of event.messages) this.record(m);
    } else if (event.type === 'error' && event.clientMessageId) {
      const p = this.pending.find((x) => x.id === event.clientMessageId);
      if (p) p.lastSentAt = 0;
    }
  }

  private record(message: { seq: number; conversationId: string; clientMessageId?: string }): void {
    // A seq beyond a hole: ask for what was missed.
    if (message.seq > this.lastContiguousSeq() + 1 && this.ready && !this.received.has(message.seq)) {
      this.socket?.send(JSON.stringify({ type: 'resume', afterSeq: this.lastContiguousSeq() }));
    }
    this.received.add(message.seq);
    this.conversationId = message.conversationId;
    if (!message.clientMessageId) return;
    const index = this.pending.findIndex((p) => p.id === message.clientMessageId);
    if (index >= 0) {
      this.pending.splice(index, 1);
      this.ackedAt.set(message.clientMessageId, Date.now());
    }
  }

  private flush(): void {
    if (!this.ready || !this.socket) return;
    const now = Date.now();
    for (const p of this.pending.slice(0, WINDOW)) {
      if (now - p.lastSentAt < RESEND_AFTER_MS) continue;
      p.lastSentAt = now;
      this.socket.send(JSON.stringify({ type: 'send_message', clientMessageId: p.id, text: p.text }));
    }
  }
}
