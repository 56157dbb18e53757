import type { Db } from 'mongodb';
import type { OperatorEvent } from '../../shared/operator-protocol';
import type { VisitorEvent } from '../../shared/visitor-protocol';
import { type BusEvent, createEventBus, type EventBusOptions } from './event-bus';
import { createInProcessHub, type Hub, listenerSet } from './hub';
import { createOperatorHeartbeats, type OperatorHeartbeats } from './operator-heartbeats';

/** What crosses instances: each names the audience its local delivery needs. */
export type BusPayload =
  | { kind: 'visitor'; visitorId: string; event: VisitorEvent }
  | { kind: 'site'; siteId: string; event: OperatorEvent }
  | { kind: 'operator'; operatorId: string; event: OperatorEvent }
  | { kind: 'end_session'; sessionId: string }
  | { kind: 'end_visitor'; visitorId: string }
  | { kind: 'config_changed'; siteId: string; configVersion: number }
  | { kind: 'operator_connected' | 'operator_disconnected'; operatorId: string }
  /** An event blanked because it named an erased visitor (store/visitor-data-store.ts): delivers nothing. */
  | { kind: 'erased' };

export interface BusHub extends Hub {
  readonly instanceId: string;
  /** Starts the tail and loads the other instances' heartbeats: await it before listening. */
  start(): Promise<void>;
  /** Stops everything without telling anyone, as a killed process would (tests only). */
  vanish(): Promise<void>;
}

export interface BusHubOptions {
  instanceId: string;
  bus?: Partial<EventBusOptions>;
  heartbeatMs?: number;
  staleAfterMs?: number;
  onError?: (error: unknown, where: string) => void;
}

/**
 * The Hub for several instances on one database. Sockets stay local (an in-process hub holds
 * them); every call is delivered to this instance's sockets at once and published on the bus;
 * the tail delivers other instances' events and skips this one's, so nothing arrives twice and
 * same-instance delivery costs no round trip.
 */
export function createBusHub(db: Db, options: BusHubOptions): BusHub {
  const { instanceId, onError = () => {} } = options;
  const local = createInProcessHub();
  const bus = createEventBus<BusPayload>(db, { ...options.bus, instanceId, onError: (e, where) => onError(e, `bus ${where}`) });
  const heartbeats: OperatorHeartbeats = createOperatorHeartbeats(db, {
    instanceId,
    heartbeatMs: options.heartbeatMs,
    staleAfterMs: options.staleAfterMs,
    localOperators: () => local.connectedOperators(),
    onError: (e) => onError(e, 'heartbeats'),
  });
  const configListeners = listenerSet<[string, number]>();
  const vanishedListeners = listenerSet<[string[]]>();
  heartbeats.onVanished((ids) => vanishedListeners.emit(ids));

  const publish = (payload: BusPayload) => {
    // A failed publish is logged by onError; the local sockets already have the event.
    bus.publish(payload).catch(() => {});
  };

  const deliver = (payload: BusPayload) => {
    switch (payload.kind) {
      case 'visitor':
        return local.toVisitor(payload.visitorId, payload.event);
      case 'site':
        return local.toSite(payload.siteId, payload.event);
      case 'operator':
        return local.toOperator(payload.operatorId, payload.event);
      case 'end_session':
        return local.endSession(payload.sessionId);
      case 'end_visitor':
        return local.endVisitor(payload.visitorId);
      case 'config_changed':
        return configListeners.emit(payload.siteId, payload.configVersion);
      case 'operator_connected':
      case 'operator_disconnected':
        return; // only ever another instance's news: see onTail
      case 'erased':
        return;
    }
  };

  const both = (payload: BusPayload) => {
    deliver(payload);
    publish(payload);
  };

  const onTail = (event: BusEvent<BusPayload>) => {
    if (event.origin === instanceId) return;
    if (event.payload.kind === 'operator_connected' || event.payload.kind === 'operator_disconnected') {
      return heartbeats.remoteChanged(event.payload.operatorId, event.payload.kind === 'operator_connected', event.origin);
    }
    deliver(event.payload);
  };

  let closed = false;
  let closing: Promise<void> | null = null;
  return {
    instanceId,
    toVisitor: (visitorId, event) => both({ kind: 'visitor', visitorId, event }),
    toSite: (siteId, event) => both({ kind: 'site', siteId, event }),
    toOperator: (operatorId, event) => both({ kind: 'operator', operatorId, event }),
    endSession: (sessionId) => both({ kind: 'end_session', sessionId }),
    endVisitor: (visitorId) => both({ kind: 'end_visitor', visitorId }),
    configChanged: (siteId, configVersion) => both({ kind: 'config_changed', siteId, configVersion }),
    onConfigChanged: configListeners.add,
    // Other instances' events reach the local hub's toSite through deliver, this instance's at once.
    onConversationChanged: (listener) => local.onConversationChanged(listener),
    onOperatorsVanished: vanishedListeners.add,
    subscribeVisitor: (visitorId, send, end) => local.subscribeVisitor(visitorId, send, end),
    subscribeOperator(subscriber) {
      const first = !local.connectedOperators().has(subscriber.operatorId);
      const unsubscribe = local.subscribeOperator(subscriber);
      if (first) {
        heartbeats.beat(subscriber.operatorId);
        publish({ kind: 'operator_connected', operatorId: subscriber.operatorId });
      }
      return () => {
        unsubscribe();
        if (closed || local.connectedOperators().has(subscriber.operatorId)) return;
        heartbeats.forget(subscriber.operatorId);
        publish({ kind: 'operator_disconnected', operatorId: subscriber.operatorId });
      };
    },
    updateOperatorSites: (operatorId, siteIds) => local.updateOperatorSites(operatorId, siteIds),
    connectedOperators() {
      const all = local.connectedOperators();
      for (const id of heartbeats.remoteOperators()) all.add(id);
      return all;
    },
    async start() {
      await bus.start(onTail);
      await heartbeats.start();
    },
    // Every caller waits for the one closing: the app's onClose and main's both call it.
    close() {
      closing ??= (async () => {
        closed = true;
        // Tell the others now rather than let them wait for the heartbeats to go stale.
        for (const operatorId of local.connectedOperators()) publish({ kind: 'operator_disconnected', operatorId });
        await heartbeats.stop({ forgetOwn: true });
        await bus.stop();
      })();
      return closing;
    },
    vanish() {
      closing ??= (async () => {
        closed = true;
        await heartbeats.stop({ forgetOwn: false });
        await bus.stop();
      })();
      return closing;
    },
  };
}
