import { signal } from '@preact/signals';
import type { SavedReply } from '../../shared/config/saved-replies';
import { normalizeForSearch } from '../../shared/search-text';
import type { InboxApi } from '../api-client';

export interface PlaceholderValues {
  visitorName: string | null;
  visitorEmail: string | null;
  operatorName: string;
}

/**
 * Fills {{visitor.name}}, {{visitor.email}} and {{operator.name}}. An unknown value leaves no gap:
 * "Hi {{visitor.name}}, thanks" becomes "Hi, thanks" for an anonymous visitor. An unknown
 * placeholder stays as written, so a typo is seen before sending rather than silently dropped.
 */
/** Marks where an unknown value was, so the spaces around it can be tidied (a private-use character no one types). */
export function fillPlaceholders(text: string, v: PlaceholderValues): string {
  const values: Record<string, string | null> = {
    'visitor.name': v.visitorName?.trim() || null,
    'visitor.email': v.visitorEmail?.trim() || null,
    'operator.name': v.operatorName.split(/\s+/)[0] ?? v.operatorName,
  };
  return text
    .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => (key in values ? (values[key] ?? '\uE000') : whole))
    .replace(/ ?\uE000 ?(?=[,.!?;:])/g, '')
    .replace(/ ?\uE000/g, '')
    .replace(/ {2,}/g, ' ');
}

/** Replies whose title or text holds every word typed, titles that start with it first. */
export function matchReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const hay = (r: SavedReply) => normalizeForSearch(`${r.title} ${r.id} ${r.text}`);
  const found = replies.filter((r) => words.every((w) => hay(r).includes(w)));
  const first = words[0];
  if (!first) return found;
  return [...found].sort(
    (a, b) => Number(normalizeForSearch(b.title).startsWith(first)) - Number(normalizeForSearch(a.title).startsWith(first)),
  );
}

/** Each site's saved replies, fetched when a conversation of that site is first written in. */
export function createSavedRepliesModel(api: Pick<InboxApi, 'savedReplies'>) {
  const bySite = signal<Record<string, SavedReply[]>>({});
  const error = signal<string | null>(null);
  const loading = new Set<string>();
  return {
    bySite,
    error,
    async load(siteId: string, force = false) {
      if ((!force && bySite.peek()[siteId]) || loading.has(siteId)) return;
      loading.add(siteId);
      const result = await api.savedReplies(siteId);
      loading.delete(siteId);
      if (!result.ok) {
        error.value = `Could not load saved replies: ${result.error.message}`;
        return;
      }
      error.value = null;
      bySite.value = { ...bySite.peek(), [siteId]: result.value.savedReplies };
    },
  };
}

export type SavedRepliesModel = ReturnType<typeof createSavedRepliesModel>;
