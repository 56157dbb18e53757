import { readJson, storageKeys, writeJson } from '../storage-keys';

export interface OutboxEntry {
  clientMessageId: string;
  text: string;
  createdAt: string;
  /** The server refused it (not for being offline); it waits for the visitor to retry. */
  failed?: boolean;
}

export interface VisitorStore {
  token(): string | null;
  saveToken(token: string): void;
  dropToken(): void;
  outbox(): OutboxEntry[];
  /** Read-modify-write against storage, so two tabs' queues merge instead of overwriting each other. */
  updateOutbox(change: (entries: OutboxEntry[]) => OutboxEntry[]): OutboxEntry[];
  /** Another tab changed the token or the outbox (the `storage` event). */
  onExternalChange(listener: (what: 'token' | 'outbox') => void): () => void;
}

/** Storage-backed, with memory as the fallback when storage is blocked or full. */
export function createVisitorStore(siteKey: string, storage: Storage | null, events?: EventTarget): VisitorStore {
  const tokenKey = storageKeys.visitor(siteKey);
  const outboxKey = storageKeys.outbox(siteKey);
  let memoryToken: string | null = null;
  let memoryOutbox: OutboxEntry[] = [];

  const readToken = () => {
    const stored = readJson(storage, tokenKey) as { token?: unknown } | null;
    return typeof stored?.token === 'string' ? stored.token : null;
  };
  const readOutbox = () => {
    const stored = readJson(storage, outboxKey);
    return Array.isArray(stored) ? stored.filter(isEntry) : null;
  };

  return {
    token: () => readToken() ?? memoryToken,
    saveToken(token) {
      memoryToken = token;
      writeJson(storage, tokenKey, { token });
    },
    dropToken() {
      memoryToken = null;
      writeJson(storage, tokenKey, null);
    },
    outbox: () => readOutbox() ?? memoryOutbox,
    updateOutbox(change) {
      memoryOutbox = change(readOutbox() ?? memoryOutbox);
      writeJson(storage, outboxKey, memoryOutbox.length ? memoryOutbox : null);
      return memoryOutbox;
    },
    onExternalChange(listener) {
      const handle = (event: Event) => {
        const key = (event as StorageEvent).key;
        if (key === tokenKey) listener('token');
        else if (key === outboxKey) listener('outbox');
      };
      events?.addEventListener('storage', handle);
      return () => events?.removeEventListener('storage', handle);
    },
  };
}

function isEntry(value: unknown): value is OutboxEntry {
  const entry = value as OutboxEntry | null;
  return typeof entry?.clientMessageId === 'string' && typeof entry.text === 'string' && typeof entry.createdAt === 'string';
}
