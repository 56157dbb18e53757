import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { InboxView } from '../../shared/http';
import type { ConversationSummary } from '../../shared/operator-protocol';
import type { InboxApi } from '../api-client';
import { loadedMoreText, newRows, sortsPastLoaded } from './list-pages';
import { adjustCounts, belongsToView, countsFrom, emptyCounts, sortForView, type ViewCounts, type ViewFilter } from './view-rules';

/** How long to gather unexplained live updates before asking the server for fresh counts. */
const COUNT_REFRESH_MS = 1500;

export function createInboxModel(api: InboxApi, meId: ReadonlySignal<string>) {
  const view = signal<InboxView>('awaiting');
  /** The site the operator works on now; '' for all of their sites. */
  const site = signal('');
  const queue = signal('');
  const search = signal('');
  const items = signal<ConversationSummary[]>([]);
  const counts = signal<ViewCounts>(emptyCounts);
  const loading = signal(false);
  const error = signal<string | null>(null);
  /** Where the next page starts; null when every row of the list is loaded. */
  const nextCursor = signal<string | null>(null);
  const loadingMore = signal(false);
  /** What the last Load more did, for the list's status region. */
  const moreStatus = signal<{ text: string; failed: boolean } | null>(null);
  const visible = computed(() => sortForView(items.value, view.value));
  // Latest version seen of every conversation, so a live update knows which views it leaves.
  const known = new Map<string, ConversationSummary>();
  let loadToken = 0;
  // Bumped whenever the list starts over (view, queue, search, sign-out): a page still on its way is dropped.
  let listToken = 0;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const filter = (): ViewFilter => ({ site: site.peek(), queue: queue.peek(), meId: meId.peek() });

  function currentQuery() {
    const q = view.peek() === 'resolved' ? search.peek().trim() || undefined : undefined;
    return { view: view.peek(), site: site.peek() || undefined, queue: queue.peek() || undefined, q };
  }

  function startOver() {
    listToken++;
    nextCursor.value = null;
    loadingMore.value = false;
    moreStatus.value = null;
  }

  /**
   * `quiet`: a refresh of the same list (fresh counts, a reconnect). It refetches as many rows as are
   * shown, page after page, so rows brought in by Load more stay and are brought up to date too.
   */
  async function reload(quiet = false) {
    const token = ++loadToken;
    const query = currentQuery();
    if (!quiet) {
      startOver();
      loading.value = true;
    }
    const rows: ConversationSummary[] = [];
    let cursor: string | null = null;
    let rawCounts: Record<string, number> = {};
    do {
      const result = await api.listConversations(cursor ? { ...query, cursor } : query);
      if (token !== loadToken) return;
      if (!result.ok) {
        loading.value = false;
        error.value = `Could not load conversations: ${result.error.message}`;
        return;
      }
      rows.push(...result.value.conversations);
      cursor = result.value.nextCursor;
      rawCounts = result.value.counts;
    } while (quiet && cursor && rows.length < items.peek().length);
    loading.value = false;
    error.value = null;
    for (const c of rows) remember(c);
    items.value = rows;
    nextCursor.value = cursor;
    counts.value = countsFrom(rawCounts);
  }

  async function loadMore() {
    const cursor = nextCursor.peek();
    if (!cursor || loadingMore.peek()) return;
    const token = listToken;
    loadingMore.value = true;
    const result = await api.listConversations({ ...currentQuery(), cursor });
    if (token !== listToken) return;
    loadingMore.value = false;
    if (!result.ok) {
      moreStatus.value = { text: `Could not load more conversations: ${result.error.message}`, failed: true };
      return;
    }
    for (const c of result.value.conversations) remember(c);
    const current = view.peek();
    const f = filter();
    // The latest version seen wins: a row a live update moved out of this view meanwhile stays out.
    const latest = result.value.conversations.map((c) => known.get(c.conversationId) ?? c);
    const added = newRows(items.peek(), latest).filter((c) => belongsToView(c, current, f));
    items.value = [...items.peek(), ...added];
    nextCursor.value = result.value.nextCursor;
    moreStatus.value = { text: loadedMoreText(added.length, items.peek().length, result.value.nextCursor !== null), failed: false };
    return added[0]?.conversationId;
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
    // Past the last loaded row while more pages exist: it arrives in its place with Load more.
    const unloaded = index < 0 && nextCursor.peek() !== null && sortsPastLoaded(c, list, current);
    if (belongsToView(c, current, f) && (index >= 0 || (!searching && !unloaded))) {
      items.value = index >= 0 ? list.map((x, i) => (i === index ? c : x)) : [...list, c];
    } else if (index >= 0) {
      items.value = list.filter((_, i) => i !== index);
    }
    // Tab counts are totals for every queue of the chosen site(s); the queue filter narrows only the list.
    counts.value = adjustCounts(counts.peek(), prev, c, { ...f, queue: '' });
    // Unknown before: it may have sat in a view this page never loaded, so the delta may be off.
    if (!prev) scheduleCountRefresh();
  }

  return {
    view,
    site,
    queue,
    search,
    items,
    visible,
    counts,
    loading,
    error,
    nextCursor,
    loadingMore,
    moreStatus,
    reload,
    /** Appends the next page; answers the id of the first row it added, for focus. */
    loadMore,
    applyUpdate,
    /** `load` false: switch without fetching (before sign-in); reload() fetches later. */
    setView(next: InboxView, load = true) {
      if (next === view.peek()) return;
      view.value = next;
      items.value = [];
      startOver();
      if (load) void reload();
    },
    /** Switches the inbox to one of the operator's sites ('' for all); queues are per site, so the queue filter starts over. */
    setSite(next: string) {
      if (next === site.peek()) return;
      site.value = next;
      queue.value = '';
      void reload();
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
      startOver();
      known.clear();
      items.value = [];
      counts.value = emptyCounts;
      error.value = null;
      loading.value = false;
    },
  };
}

export type InboxModel = ReturnType<typeof createInboxModel>;
