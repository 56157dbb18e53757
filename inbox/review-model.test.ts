import { describe, expect, it, vi } from 'vitest';
import type { ReviewItem } from '../shared/review';
import { createReviewModel } from './models/review-model';
import { failure, fakeApi, ok } from './test-fakes';

const item = (over: Partial<ReviewItem> = {}): ReviewItem => ({
  episodeId: 'c1#1',
  conversationId: 'c1',
  episode: 1,
  trigger: 'frustration',
  startedAt: '2026-12-01T10:00:00.000Z',
  visitorName: 'Lee',
  visitorTurn: 'this is useless',
  outcome: null,
  mark: null,
  ...over,
});
const sample = (items: ReviewItem[]) => ({
  week: '2026-W49',
  from: '2026-11-30',
  to: '2026-12-06',
  previousWeek: '2026-W48',
  nextWeek: null,
  size: { perTrigger: 5, botOnly: 10 },
  items,
});

describe('review model', () => {
  it('puts the marked item in place, says so, and asks Insights to reload its precision', async () => {
    const api = fakeApi({ reviewSample: async () => ok(sample([item(), item({ episodeId: 'c2#1', conversationId: 'c2' })])) });
    const onMarked = vi.fn();
    const model = createReviewModel(api, () => 'site-a', onMarked);
    await model.load();
    await model.mark(item(), 'wrong');
    expect(api.markReview).toHaveBeenCalledWith('site-a', { episodeId: 'c1#1', verdict: 'wrong' });
    expect(model.sample.value?.items.map((i) => i.mark?.verdict ?? null)).toEqual(['wrong', null]);
    expect(model.status.value).toBe('Marked wrong: frustration, conversation c1.');
    expect(onMarked).toHaveBeenCalledTimes(1);
  });

  it('keeps the sample and reports a refused mark without reloading Insights', async () => {
    const api = fakeApi({
      reviewSample: async () => ok(sample([item()])),
      markReview: async () => failure(403, 'forbidden', 'Only admins review the weekly sample.'),
    });
    const onMarked = vi.fn();
    const model = createReviewModel(api, () => 'site-a', onMarked);
    await model.load();
    await model.mark(item(), 'right');
    expect(model.sample.value?.items[0]?.mark).toBeNull();
    expect(model.status.value).toBe('Could not save the mark: Only admins review the weekly sample.');
    expect(onMarked).not.toHaveBeenCalled();
  });

  it('asks for another week by its name and sends the reason picked for a missed handoff', async () => {
    const api = fakeApi({ reviewSample: async () => ok(sample([item({ trigger: 'bot_only' })])) });
    const model = createReviewModel(
      api,
      () => 'site-a',
      () => {},
    );
    await model.load('2026-W48');
    expect(api.reviewSample).toHaveBeenCalledWith('site-a', { week: '2026-W48' });
    await model.teach(item({ trigger: 'bot_only' }), 'human_request');
    expect(api.teachFromReview).toHaveBeenCalledWith('site-a', { episodeId: 'c1#1', label: 'human_request' });
    expect(model.status.value).toBe("Added to the site's examples as “human_request”.");
  });
});
