import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { InboxView } from '../../../shared/http';
import type { ConversationSummary } from '../../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import {
  adjustCounts,
  belongsToView,
  countsFrom,
  emptyCounts,
  sortForView,
  type ViewCounts,
  type ViewFilter,
} from './view-rules';

/** How long to gather unexplained live updates before asking the server for fresh counts. */
const COUNT_REFRESH_MS = 1500;

export function createInboxModel(api: InboxApi, meId: ReadonlySignal<string>) {
  const view = signal<InboxView>('awaiting');
  const queue = signal('');
  const search = signal('');
  const items = signal<ConversationSummary[]>([]);
  const counts = signal<ViewCounts>(emptyCounts);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const visible = computed(() => sortForView(items.value, view.value));
  // Latest version seen of every conversation, so a live update knows which views it leaves.
  const known = new Map<string, ConversationSummary>();
  let loadToken = 0;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const filter = (): ViewFilter => ({ queue: queue.peek(), meId: meId.peek() });

  async function reload(quiet = false) {
    const token = ++loadToken;
    const query = { view: view.peek(), queue: queue.peek() || undefined, q: search.peek().trim() || undefined };
    if (query.view !== 'resolved') query.q = undefined;
    if (!quiet) loading.value = true;
    const result = await api.listConversations(query);
    if (token !== loadToken) return;
    loading.value = false;
    if (!result.ok) {
      error.value = `Could not load conversations: ${result.error.message}`;
      return;
    }
    error.value = null;
    for (const c of result.value.conversations) remember(c);
    items.value = result.value.conversations;
    counts.value = countsFrom(result.value.counts);
  }

  function remember(c: ConversationSummary) {
    const prev = known.get(c.conversationId);
    if (!prev || c.version >= prev.version) known.set(c.conversationId, c);
  }

  function scheduleCountRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void reload(true), COUNT_REFRESH_MS);
  }

  /** Upserts a changed conversation into the current list, or removes it when it left the view. */
  function applyUpdate(c: ConversationSummary) {
    const prev = known.get(c.conversationId) ?? null;
    if (prev && c.version < prev.version) return;
    known.set(c.conversationId, c);
    const current = view.peek();
    const f = filter();
    const list = items.peek();
    const index = list.findIndex((x) => x.conversationId === c.conversationId);
    // A search result set cannot be judged here: update rows already shown, add none.
    const searching = current === 'resolved' && search.peek().trim() !== '';
    if (belongsToView(c, current, f) && (index >= 0 || !searching)) {
      items.value = index >= 0 ? list.map((x, i) => (i === index ? c : x)) : [...list, c];
    } else if (index >= 0) {
      items.value = list.filter((_, i) => i !== index);
    }
    // Tab counts are totals for every queue; the queue filter narrows only the list.
    counts.value = adjustCounts(counts.peek(), prev, c, { ...f, queue: '' });
    // Unknown before: it may have sat in a view this page never loaded, so the delta may be off.
    if (!prev) scheduleCountRefresh();
  }

  return {
    view,
    queue,
    search,
    items,
    visible,
    counts,
    loading,
    error,
    reload,
    applyUpdate,
    /** `load` false: switch without fetching (before sign-in); reload() fetches later. */
    setView(next: InboxView, load = true) {
      if (next === view.peek()) return;
      view.value = next;
      items.value = [];
      if (load) void reload();
    },
    setQueue(next: string) {
      if (next === queue.peek()) return;
      queue.value = next;
      void reload();
    },
    setSearch(next: string) {
      search.value = next;
      void reload();
    },
    get(conversationId: string): ConversationSummary | undefined {
      return known.get(conversationId);
    },
    reset() {
      clearTimeout(refreshTimer);
      loadToken++;
      known.clear();
      items.value = [];
      counts.value = emptyCounts;
      error.value = null;
      loading.value = false;
    },
  };
}

export type InboxModel = ReturnType<typeof createInboxModel>;
