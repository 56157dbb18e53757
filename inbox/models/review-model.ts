import { signal } from '@preact/signals';
import type { ReviewItem, ReviewSampleResponse, ReviewVerdict } from '../../shared/review';
import type { InboxApi } from '../api-client';

/** The weekly review sample in Insights (admins): the sample, one mark at a time, and what was last done. */
export function createReviewModel(api: InboxApi, siteId: () => string | null, onMarked: () => void) {
  const sample = signal<ReviewSampleResponse | null>(null);
  const error = signal<string | null>(null);
  /** Read out by a live region after each mark or example. */
  const status = signal('');

  const replace = (item: ReviewItem) => {
    const current = sample.peek();
    if (current) sample.value = { ...current, items: current.items.map((i) => (i.episodeId === item.episodeId ? item : i)) };
  };

  return {
    sample,
    error,
    status,
    /** The week named (2026-W49), the current one when none is. */
    async load(week?: string) {
      const site = siteId();
      if (!site) return;
      const result = await api.reviewSample(site, week ? { week } : {});
      if (result.ok) {
        sample.value = result.value;
        error.value = null;
        if (week) status.value = `Showing the sample of week ${result.value.week}.`;
      } else error.value = `Could not load the review sample: ${result.error.message}`;
    },
    async mark(item: ReviewItem, verdict: ReviewVerdict) {
      const site = siteId();
      if (!site) return;
      const result = await api.markReview(site, { episodeId: item.episodeId, verdict });
      if (!result.ok) {
        status.value = `Could not save the mark: ${result.error.message}`;
        return;
      }
      replace(result.value.item);
      status.value = `Marked ${verdict}: ${item.trigger}, conversation ${item.conversationId}.`;
      onMarked();
    },
    async teach(item: ReviewItem, label?: string) {
      const site = siteId();
      if (!site) return;
      const result = await api.teachFromReview(site, { episodeId: item.episodeId, ...(label ? { label } : {}) });
      if (!result.ok) {
        status.value = `Could not add the example: ${result.error.message}`;
        return;
      }
      replace(result.value.item);
      status.value = `Added to the site's examples as “${result.value.item.mark?.example?.label ?? label ?? 'none'}”.`;
    },
  };
}

export type ReviewModel = ReturnType<typeof createReviewModel>;
