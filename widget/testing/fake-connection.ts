import type { VisitorCommand, VisitorEvent } from '../../shared/visitor-protocol';
import type { ConnectionListener, ConnectionStatus, VisitorConnection } from '../connection/connection';

/** Stands in for the socket client: the test opens, drops and delivers; `sent` records commands. */
export function createFakeConnection() {
  const listeners = new Set<ConnectionListener>();
  let status: ConnectionStatus = { kind: 'idle' };
  const sent: VisitorCommand[] = [];
  const setStatus = (next: ConnectionStatus) => {
    status = next;
    for (const l of listeners) l.status(next);
  };
  let reconnects = 0;
  const connection: VisitorConnection = {
    start: () => setStatus({ kind: 'connecting', attempt: 0 }),
    stop: () => setStatus({ kind: 'idle' }),
    reconnectNow() {
      reconnects += 1;
      setStatus({ kind: 'connecting', attempt: 0 });
    },
    send(command) {
      if (status.kind !== 'open') return false;
      sent.push(command);
      return true;
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    connection,
    sent,
    reconnects: () => reconnects,
    open: () => setStatus({ kind: 'open' }),
    drop: () => setStatus({ kind: 'waiting', attempt: 1, delayMs: 500 }),
    fail: (reason: string) => setStatus({ kind: 'failed', reason }),
    deliver(event: VisitorEvent) {
      for (const l of listeners) l.event(event);
    },
    /** Commands of one type, narrowed. */
    sentOf<T extends VisitorCommand['type']>(type: T) {
      return sent.filter((c): c is Extract<VisitorCommand, { type: T }> => c.type === type);
    },
  };
}
