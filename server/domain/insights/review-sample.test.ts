import { describe, expect, it } from 'vitest';
import { drawRank, exampleFromMark, isoWeekNamed, isoWeekOf, reviewPrecision, reviewSample } from './review-sample';

const rows = (trigger: string, n: number, prefix = trigger) => Array.from({ length: n }, (_, i) => ({ _id: `${prefix}-${i}#1`, trigger }));

describe('isoWeekOf', () => {
  it.each([
    ['2026-12-06T21:00:00Z', '2026-W49', '2026-11-30', '2026-12-06'],
    ['2026-11-30T00:00:00Z', '2026-W49', '2026-11-30', '2026-12-06'],
    ['2021-01-03T12:00:00Z', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2024-12-30T12:00:00Z', '2025-W01', '2024-12-30', '2025-01-05'],
  ])('%s is in %s (%s to %s)', (at, week, from, to) => {
    expect(isoWeekOf(new Date(at))).toEqual({ week, from, to });
    expect(isoWeekNamed(week)).toEqual({ week, from, to });
  });
});

describe('reviewSample', () => {
  const candidates = [...rows('human_request', 12), ...rows('frustration', 3), ...rows('bot_only', 30)];

  it('takes five a trigger and ten bot-only, the same draw every time for the same site and week', () => {
    const a = reviewSample('site-a', '2026-W49', candidates, new Set());
    expect(a.filter((c) => c.trigger === 'human_request')).toHaveLength(5);
    expect(a.filter((c) => c.trigger === 'frustration')).toHaveLength(3);
    expect(a.filter((c) => c.trigger === 'bot_only')).toHaveLength(10);
    expect(reviewSample('site-a', '2026-W49', [...candidates].reverse(), new Set())).toEqual(a);
  });

  it('draws differently for another week or site', () => {
    const ids = (site: string, week: string) =>
      reviewSample(site, week, candidates, new Set())
        .map((c) => c._id)
        .join();
    expect(ids('site-a', '2026-W50')).not.toBe(ids('site-a', '2026-W49'));
    expect(ids('site-b', '2026-W49')).not.toBe(ids('site-a', '2026-W49'));
  });

  it('keeps a marked candidate even when it falls out of the draw', () => {
    const drawn = new Set(reviewSample('site-a', '2026-W49', candidates, new Set()).map((c) => c._id));
    const outside = candidates.find((c) => c.trigger === 'human_request' && !drawn.has(c._id));
    if (!outside) throw new Error('twelve candidates for five places leave some out');
    const withMark = reviewSample('site-a', '2026-W49', candidates, new Set([outside._id]));
    expect(withMark.filter((c) => c.trigger === 'human_request')).toHaveLength(6);
    expect(withMark.map((c) => c._id)).toContain(outside._id);
  });

  it('ranks spread over the range (a hash, not the order given)', () => {
    const ranks = Array.from({ length: 1000 }, (_, i) => drawRank('s', 'w', `c${i}#1`));
    const below = ranks.filter((r) => r < 2 ** 52).length;
    expect(below).toBeGreaterThan(400);
    expect(below).toBeLessThan(600);
  });
});

describe('reviewPrecision', () => {
  it('is the share marked right per trigger', () => {
    expect(
      reviewPrecision([
        { trigger: 'frustration', verdict: 'right' },
        { trigger: 'frustration', verdict: 'wrong' },
        { trigger: 'frustration', verdict: 'right' },
        { trigger: 'bot_only', verdict: 'wrong' },
      ]),
    ).toEqual([
      { trigger: 'bot_only', right: 0, wrong: 1, precision: 0 },
      { trigger: 'frustration', right: 2, wrong: 1, precision: 2 / 3 },
    ]);
    expect(reviewPrecision([])).toEqual([]);
  });
});

describe('exampleFromMark', () => {
  it('makes a wrong handoff a sentence that must not hand off', () => {
    expect(exampleFromMark({ trigger: 'frustration', verdict: 'wrong' }, '  fine thanks  ', 'refund')).toEqual({
      ok: true,
      label: 'none',
      text: 'fine thanks',
    });
  });
  it('makes a missed one an example of the reason named, and asks for one', () => {
    expect(exampleFromMark({ trigger: 'bot_only', verdict: 'wrong' }, 'I want my money back', 'refund')).toEqual({
      ok: true,
      label: 'refund',
      text: 'I want my money back',
    });
    expect(exampleFromMark({ trigger: 'bot_only', verdict: 'wrong' }, 'I want my money back', undefined)).toMatchObject({ ok: false });
    expect(exampleFromMark({ trigger: 'bot_only', verdict: 'wrong' }, 'I want my money back', 'none')).toMatchObject({ ok: false });
  });
  it('refuses a mark of right and a conversation without a visitor sentence', () => {
    expect(exampleFromMark({ trigger: 'frustration', verdict: 'right' }, 'hello there', undefined)).toMatchObject({ ok: false });
    expect(exampleFromMark({ trigger: 'frustration', verdict: 'wrong' }, null, undefined)).toMatchObject({ ok: false });
  });
});
