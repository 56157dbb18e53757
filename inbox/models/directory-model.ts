import { computed, signal } from '@preact/signals';
import type { OperatorSummary, QueueSummary, SiteSummary } from '../../shared/http';
import type { Presence } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';

export interface QueueOption {
  id: string;
  name: string;
}

/** Sites, their queues and operators: names for ids, and targets for transfers. */
export function createDirectoryModel(api: InboxApi) {
  const sites = signal<SiteSummary[]>([]);
  const queuesBySite = signal<Record<string, QueueSummary[]>>({});
  const operatorsBySite = signal<Record<string, OperatorSummary[]>>({});
  const error = signal<string | null>(null);
  const queueOptions = computed<QueueOption[]>(() => {
    const byId = new Map<string, string>();
    for (const queues of Object.values(queuesBySite.value)) for (const q of queues) byId.set(q.id, q.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  });
  const queueNames = computed(() => new Map(queueOptions.value.map((q) => [q.id, q.name])));

  return {
    sites,
    queuesBySite,
    operatorsBySite,
    error,
    queueOptions,
    queueName: (queueId: string) => queueNames.value.get(queueId) ?? queueId,
    async load() {
      const result = await api.sites();
      if (!result.ok) {
        error.value = `Could not load your sites: ${result.error.message}`;
        return;
      }
      error.value = null;
      sites.value = result.value.sites;
      // A site whose queues fail to load keeps showing raw queue ids; nothing else depends on them.
      const answers = await Promise.all(result.value.sites.map((s) => api.queues(s.siteId)));
      const next: Record<string, QueueSummary[]> = {};
      answers.forEach((r, i) => {
        const site = result.value.sites[i];
        if (r.ok && site) next[site.siteId] = r.value.queues;
      });
      queuesBySite.value = next;
    },
    /** After an admin saves settings, so names and transfer targets follow at once. */
    setQueues(siteId: string, queues: readonly QueueSummary[]) {
      const summaries = queues.map(({ id, name, members }) => ({ id, name, members }));
      queuesBySite.value = { ...queuesBySite.peek(), [siteId]: summaries };
    },
    async loadOperators(siteId: string) {
      const result = await api.operators(siteId);
      if (result.ok) operatorsBySite.value = { ...operatorsBySite.peek(), [siteId]: result.value.operators };
    },
    applyPresence(operatorId: string, presence: Presence) {
      const next: Record<string, OperatorSummary[]> = {};
      for (const [siteId, ops] of Object.entries(operatorsBySite.peek())) {
        next[siteId] = ops.map((o) => (o.operatorId === operatorId ? { ...o, presence } : o));
      }
      operatorsBySite.value = next;
    },
    /** An admin changed an operator's capacity: transfer targets show the new load at once. */
    applyCapacity(operatorId: string, capacity: number) {
      const next: Record<string, OperatorSummary[]> = {};
      for (const [siteId, ops] of Object.entries(operatorsBySite.peek())) {
        next[siteId] = ops.map((o) => (o.operatorId === operatorId ? { ...o, capacity } : o));
      }
      operatorsBySite.value = next;
    },
    reset() {
      sites.value = [];
      queuesBySite.value = {};
      operatorsBySite.value = {};
    },
  };
}

export type DirectoryModel = ReturnType<typeof createDirectoryModel>;
