import { signal } from '@preact/signals';
import type { InsightsConversation, InsightsMeasure, InsightsQuery, InsightsResponse } from '../../shared/insights';
import type { InboxApi } from '../api-client';

export interface InsightsFilters {
  from: string;
  to: string;
  queue: string;
  trigger: string;
}

/** What the conversation list under the figures shows: the episodes behind one figure. */
export interface DrillDown {
  measure: InsightsMeasure;
  label: string;
  trigger?: string;
  queue?: string;
  conversations: InsightsConversation[] | null;
  more: boolean;
  error: string | null;
}

/** The Insights view's state: filters, the figures they answer, and one drill-down. */
export function createInsightsModel(api: InboxApi, siteId: () => string | null) {
  // No days until the first answer: the server's default range is the last 30 days in the site's time
  // zone (its hours'), which this browser's clock cannot know; the answer's from/to fill the form.
  const filters = signal<InsightsFilters>({ from: '', to: '', queue: '', trigger: '' });
  const data = signal<InsightsResponse | null>(null);
  const loading = signal(false);
  const error = signal<string | null>(null);
  const drill = signal<DrillDown | null>(null);

  const query = (): InsightsQuery => {
    const f = filters.peek();
    return {
      ...(f.from ? { from: f.from } : {}),
      ...(f.to ? { to: f.to } : {}),
      ...(f.queue ? { queue: f.queue } : {}),
      ...(f.trigger ? { trigger: f.trigger } : {}),
    };
  };

  async function load() {
    const site = siteId();
    if (!site) return;
    loading.value = true;
    error.value = null;
    const result = await api.insights(site, query());
    loading.value = false;
    if (result.ok) {
      data.value = result.value;
      const f = filters.peek();
      if (!f.from || !f.to) filters.value = { ...f, from: result.value.from, to: result.value.to };
    } else error.value = `Could not load Insights: ${result.error.message}`;
  }

  return {
    filters,
    data,
    loading,
    error,
    drill,
    load,
    apply(next: InsightsFilters) {
      filters.value = next;
      drill.value = null;
      return load();
    },
    csvUrl: () => {
      const site = siteId();
      return site ? api.insightsCsvUrl(site, query()) : null;
    },
    async showConversations(measure: InsightsMeasure, label: string, narrow: { trigger?: string; queue?: string } = {}) {
      const site = siteId();
      if (!site) return;
      drill.value = { measure, label, ...narrow, conversations: null, more: false, error: null };
      const result = await api.insightConversations(site, { ...query(), ...narrow, measure });
      if (drill.peek()?.measure !== measure || drill.peek()?.label !== label) return;
      drill.value = result.ok
        ? { measure, label, ...narrow, conversations: result.value.conversations, more: result.value.more, error: null }
        : { measure, label, ...narrow, conversations: [], more: false, error: result.error.message };
    },
  };
}
export type InsightsModel = ReturnType<typeof createInsightsModel>;

/** "45 s", "3 min", "1 h 20 min": durations as people read them. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
export const formatAverage = (avg: number | null) => (avg === null ? '—' : `${(Math.round(avg * 100) / 100).toFixed(2)} / 5`);
