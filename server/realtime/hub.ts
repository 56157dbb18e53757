import type { OperatorEvent } from '../../shared/operator-protocol';
import type { VisitorEvent } from '../../shared/visitor-protocol';

type Send<E> = (event: E) => void;

/**
 * Every real-time event goes through here. This in-process hub fans out to the
 * sockets of this instance; a MongoDB-backed bus (capped collection + tailable
 * cursor) can implement the same interface for several instances.
 */
export interface Hub {
  toVisitor(visitorId: string, event: VisitorEvent): void;
  toSite(siteId: string, event: OperatorEvent): void;
  toOperator(operatorId: string, event: OperatorEvent): void;
  subscribeVisitor(visitorId: string, send: Send<VisitorEvent>): () => void;
  subscribeOperator(operatorId: string, siteIds: string[], send: Send<OperatorEvent>): () => void;
  connectedOperators(): Set<string>;
}

export function createInProcessHub(): Hub {
  const visitors = new Map<string, Set<Send<VisitorEvent>>>();
  const operators = new Map<string, { siteIds: string[]; sends: Set<Send<OperatorEvent>> }>();

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
      for (const entry of operators.values()) {
        if (entry.siteIds.includes(siteId)) for (const send of entry.sends) send(event);
      }
    },
    toOperator(operatorId, event) {
      for (const send of operators.get(operatorId)?.sends ?? []) send(event);
    },
    subscribeVisitor(visitorId, send) {
      add(visitors, visitorId, send);
      return () => {
        const set = visitors.get(visitorId);
        set?.delete(send);
        if (set?.size === 0) visitors.delete(visitorId);
      };
    },
    subscribeOperator(operatorId, siteIds, send) {
      const entry = operators.get(operatorId) ?? { siteIds, sends: new Set() };
      entry.siteIds = siteIds;
      entry.sends.add(send);
      operators.set(operatorId, entry);
      return () => {
        entry.sends.delete(send);
        if (entry.sends.size === 0) operators.delete(operatorId);
      };
    },
    connectedOperators() {
      return new Set(operators.keys());
    },
  };
}
