import type { ConversationSummary, OperatorEvent } from '../../shared/operator-protocol';
import type { VisitorEvent } from '../../shared/visitor-protocol';

type Send<E> = (event: E) => void;

/** One operator socket: what it may hear, and how to end it when its session ends. */
export interface OperatorSubscriber {
  operatorId: string;
  sessionId: string;
  siteIds: string[];
  send: Send<OperatorEvent>;
  end(): void;
}

/** A site's configuration was saved (on any instance): caches of the older version must go. */
export type ConfigChangedListener = (siteId: string, configVersion: number) => void;

/** A conversation changed (on any instance): copies of another version must go (store/conversation-copies.ts). */
export type ConversationChangedListener = (conversation: ConversationSummary) => void;

/**
 * Every real-time event goes through here. The in-process hub fans out to the sockets of this
 * instance only (unit tests, one instance); the bus hub (bus-hub.ts) carries the same calls
 * through the database to every instance.
 */
export interface Hub {
  toVisitor(visitorId: string, event: VisitorEvent): void;
  toSite(siteId: string, event: OperatorEvent): void;
  toOperator(operatorId: string, event: OperatorEvent): void;
  /** `end` closes that socket: called when the visitor's data is erased (endVisitor). */
  subscribeVisitor(visitorId: string, send: Send<VisitorEvent>, end?: () => void): () => void;
  subscribeOperator(subscriber: OperatorSubscriber): () => void;
  /** The operator's sites changed: fan-out follows the fresh list from now on. */
  updateOperatorSites(operatorId: string, siteIds: string[]): void;
  /** Ends every socket of a session (logout), on every instance the hub reaches. */
  endSession(sessionId: string): void;
  /** Closes every socket of a visitor (their data was erased), on every instance the hub reaches. */
  endVisitor(visitorId: string): void;
  /** Operators with an open inbox socket on any instance the hub knows of. */
  connectedOperators(): Set<string>;
  /** Tells every instance (this one included) that a site's configuration changed. */
  configChanged(siteId: string, configVersion: number): void;
  onConfigChanged(listener: ConfigChangedListener): () => void;
  /** Every conversation_updated event, whoever's sockets hear it: this instance's and the others'. */
  onConversationChanged(listener: ConversationChangedListener): () => void;
  /**
   * Operators whose inbox was open on an instance that vanished without closing it (killed):
   * nobody's socket-close started their away/offline timers, so the listener should.
   */
  onOperatorsVanished(listener: (operatorIds: string[]) => void): () => void;
  /** Stops whatever the hub runs in the background; after it, nothing is delivered. */
  close(): Promise<void>;
}

/** A set of listeners with an unsubscribe per listener. */
export function listenerSet<A extends unknown[]>() {
  const listeners = new Set<(...args: A) => void>();
  return {
    add(listener: (...args: A) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(...args: A): void {
      for (const l of listeners) l(...args);
    },
  };
}

export function createInProcessHub(): Hub {
  const configListeners = listenerSet<[string, number]>();
  const conversationListeners = listenerSet<[ConversationSummary]>();
  const visitors = new Map<string, Set<Send<VisitorEvent>>>();
  const visitorEnds = new Map<Send<VisitorEvent>, () => void>();
  const operators = new Map<string, { siteIds: string[]; subscribers: Set<OperatorSubscriber> }>();

  const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
    const set = map.get(key) ?? new Set<V>();
    set.add(value);
    map.set(key, set);
  };

  return {
    toVisitor(visitorId, event) {
      for (const send of visitors.get(visitorId) ?? []) send(event);
    },
    toSite(siteId, event) {
      if (event.type === 'conversation_updated') conversationListeners.emit(event.conversation);
      for (const entry of operators.values()) {
        if (entry.siteIds.includes(siteId)) for (const s of entry.subscribers) s.send(event);
      }
    },
    toOperator(operatorId, event) {
      for (const s of operators.get(operatorId)?.subscribers ?? []) s.send(event);
    },
    subscribeVisitor(visitorId, send, end) {
      add(visitors, visitorId, send);
      if (end) visitorEnds.set(send, end);
      return () => {
        const set = visitors.get(visitorId);
        set?.delete(send);
        visitorEnds.delete(send);
        if (set?.size === 0) visitors.delete(visitorId);
      };
    },
    subscribeOperator(subscriber) {
      const { operatorId, siteIds } = subscriber;
      const entry = operators.get(operatorId) ?? { siteIds, subscribers: new Set() };
      entry.siteIds = siteIds;
      entry.subscribers.add(subscriber);
      operators.set(operatorId, entry);
      return () => {
        entry.subscribers.delete(subscriber);
        if (entry.subscribers.size === 0 && operators.get(operatorId) === entry) operators.delete(operatorId);
      };
    },
    updateOperatorSites(operatorId, siteIds) {
      const entry = operators.get(operatorId);
      if (entry) entry.siteIds = siteIds;
    },
    endSession(sessionId) {
      for (const entry of operators.values()) {
        for (const s of [...entry.subscribers]) if (s.sessionId === sessionId) s.end();
      }
    },
    endVisitor(visitorId) {
      for (const send of [...(visitors.get(visitorId) ?? [])]) visitorEnds.get(send)?.();
    },
    connectedOperators() {
      return new Set(operators.keys());
    },
    configChanged(siteId, configVersion) {
      configListeners.emit(siteId, configVersion);
    },
    onConfigChanged: configListeners.add,
    onConversationChanged: conversationListeners.add,
    // One process: its sockets' close events are the whole story.
    onOperatorsVanished: () => () => {},
    async close() {},
  };
}
