import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxView } from '../../shared/http';
import type { ConversationDoc } from '../store/documents';
import { loginOperator, type OperatorSession } from '../test-support/clients';
import { conversationDoc } from '../test-support/conversation-doc';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
let ana: OperatorSession;
let bo: OperatorSession;
beforeAll(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-a', email: 'a@a.test', name: 'Ana', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-b', email: 'b@b.test', name: 'Bo', siteIds: ['site-b'] });
  ana = await loginOperator(h, 'a@a.test');
  bo = await loginOperator(h, 'b@b.test');
});
afterAll(() => h.close());

const T0 = Date.parse('2025-03-10T09:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);

/** Each test uses its own queue, so the lists of one test never see another's rows. */
function doc(
  id: string,
  queue: string,
  o: Partial<ConversationDoc> & { activeAt?: number; waitingSince?: number | null } = {},
): ConversationDoc {
  const { activeAt = 1, waitingSince = 1, ...overrides } = o;
  return conversationDoc({
    _id: id,
    state: 'resolved',
    queue,
    createdAt: minute(-100),
    escalatedAt: waitingSince === null ? null : minute(waitingSince),
    lastActivityAt: minute(activeAt),
    lastVisitorActivityAt: minute(activeAt),
    ...overrides,
  });
}

const insert = (...docs: ConversationDoc[]) => h.db.collection<ConversationDoc>('conversations').insertMany(docs);

async function page(who: OperatorSession, query: { view: InboxView; queue?: string; q?: string; limit?: number; cursor?: string | null }) {
  const params = new URLSearchParams({ view: query.view });
  for (const key of ['queue', 'q', 'cursor'] as const) if (query[key]) params.set(key, query[key]);
  if (query.limit) params.set('limit', String(query.limit));
  const res = await who.fetch(`/api/conversations?${params}`);
  expect(res.status).toBe(200);
  return {
    ids: (res.body.conversations as { conversationId: string }[]).map((c) => c.conversationId),
    nextCursor: res.body.nextCursor as string | null,
  };
}

/** Follows nextCursor to the end; `between` runs after the first page, as a new arrival would. */
async function allPages(
  who: OperatorSession,
  query: { view: InboxView; queue?: string; q?: string; limit: number },
  between = async () => {},
) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const next = await page(who, { ...query, cursor });
    pages.push(next.ids);
    if (pages.length === 1) await between();
    cursor = next.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe('paging the inbox lists', () => {
  it('pages Resolved newest first without repeating a row that arrives above the cursor or skipping one below it', async () => {
    const q = 'resolved-paging';
    // r3a and r3b share an instant: the id breaks the tie, so neither is lost at a page edge.
    const activity = { r7: 7, r6: 6, r5: 5, r4: 4, r3a: 3, r3b: 3, r1: 1 };
    await insert(...Object.entries(activity).map(([id, activeAt]) => doc(id, q, { activeAt })));
    const pages = await allPages(ana, { view: 'resolved', queue: q, limit: 3 }, async () => {
      await insert(doc('r-newest', q, { activeAt: 60 }), doc('r-oldest', q, { activeAt: 0 }));
    });
    expect(pages).toEqual([
      ['r7', 'r6', 'r5'],
      ['r4', 'r3a', 'r3b'],
      ['r1', 'r-oldest'],
    ]);
    expect((await page(ana, { view: 'resolved', queue: q, limit: 3 })).ids).toEqual(['r-newest', 'r7', 'r6']);
  });

  it.each<[InboxView, Partial<ConversationDoc>]>([
    ['live', { state: 'bot' }],
    ['mine', { state: 'owned', owner: { operatorId: 'op-a', name: 'Ana' } }],
  ])('pages %s by latest activity, seven rows three at a time', async (view, shape) => {
    const q = `${view}-paging`;
    await insert(...[1, 2, 3, 4, 5, 6, 7].map((n) => doc(`${view}-${n}`, q, { ...shape, activeAt: n })));
    await insert(
      doc(`${view}-elsewhere`, q, { state: 'resolved', activeAt: 99 }),
      doc(`${view}-theirs`, q, { state: 'owned', owner: { operatorId: 'op-x', name: 'X' }, activeAt: 4 }),
    );
    const pages = await allPages(ana, { view, queue: q, limit: 3 });
    const expected = [7, 6, 5, 4, 3, 2, 1].map((n) => `${view}-${n}`);
    if (view === 'live') expected.splice(4, 0, `${view}-theirs`); // owned by someone else: live, not mine; ties on time go by id
    expect(pages.flat()).toEqual(expected);
    expect(pages.map((p) => p.length)).toEqual(view === 'live' ? [3, 3, 2] : [3, 3, 1]);
  });

  it('pages Awaiting by urgency, then longest waiting, across urgency levels and a newcomer', async () => {
    const q = 'awaiting-paging';
    await insert(
      doc('low-a', q, { state: 'queued', urgency: 'low', waitingSince: 1 }),
      doc('normal-b', q, { state: 'queued', urgency: 'normal', waitingSince: 30 }),
      doc('normal-a', q, { state: 'queued', urgency: 'normal', waitingSince: 30 }),
      doc('high-b', q, { state: 'queued', urgency: 'high', waitingSince: 15 }),
      // Never escalated: sorts before every escalated row of its level.
      doc('high-null', q, { state: 'queued', urgency: 'high', waitingSince: null }),
      doc('urgent-b', q, { state: 'queued', urgency: 'urgent', waitingSince: 20 }),
      doc('urgent-a', q, { state: 'queued', urgency: 'urgent', waitingSince: 10 }),
    );
    const pages = await allPages(ana, { view: 'awaiting', queue: q, limit: 3 }, async () => {
      // One lands behind the cursor (shown on a later page), one ahead of it (on the next first page only).
      await insert(
        doc('normal-new', q, { state: 'queued', urgency: 'normal', waitingSince: 40 }),
        doc('urgent-new', q, { state: 'queued', urgency: 'urgent', waitingSince: 50 }),
      );
    });
    expect(pages).toEqual([
      ['urgent-a', 'urgent-b', 'high-null'],
      ['high-b', 'normal-a', 'normal-b'],
      ['normal-new', 'low-a'],
    ]);
    expect((await page(ana, { view: 'awaiting', queue: q, limit: 3 })).ids).toEqual(['urgent-a', 'urgent-b', 'urgent-new']);
  });

  it('pages a search through its matches only', async () => {
    const q = 'search-paging';
    await insert(
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => doc(`match-${n}`, q, { activeAt: n, lastMessagePreview: `Where is my REFUND ${n}?` })),
      ...[1, 2, 3].map((n) => doc(`other-${n}`, q, { activeAt: n, lastMessagePreview: 'Opening hours?' })),
    );
    const pages = await allPages(ana, { view: 'resolved', queue: q, q: 'refund', limit: 3 });
    expect(pages).toEqual([['match-7', 'match-6', 'match-5'], ['match-4', 'match-3', 'match-2'], ['match-1']]);
  });

  it('ends with a null cursor when the last page is exactly full, and keeps counts for every view', async () => {
    const q = 'exact-paging';
    await insert(...[1, 2, 3].map((n) => doc(`exact-${n}`, q, { activeAt: n })));
    const res = await ana.fetch(`/api/conversations?view=resolved&queue=${q}&limit=3`);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.conversations).toHaveLength(3);
    expect(Object.keys(res.body.counts).sort()).toEqual(['awaiting', 'callbacks', 'live', 'mine', 'resolved']);
  });

  it('shows another site’s operator only their own rows, even with a cursor taken from a list of this site', async () => {
    const q = 'tenant-paging';
    await insert(
      ...[1, 2, 3, 4].map((n) => doc(`a-${n}`, q, { activeAt: n * 2 })),
      ...[1, 2, 3].map((n) => doc(`b-${n}`, q, { siteId: 'site-b', activeAt: n * 2 + 1 })),
    );
    const first = await page(ana, { view: 'resolved', queue: q, limit: 2 });
    expect(first.ids).toEqual(['a-4', 'a-3']);
    // The cursor names a position (a-3, minute 6), never a site: Bo gets his rows past it and no more.
    expect((await page(bo, { view: 'resolved', queue: q, limit: 5, cursor: first.nextCursor })).ids).toEqual(['b-2', 'b-1']);
    expect((await allPages(bo, { view: 'resolved', queue: q, limit: 2 })).flat()).toEqual(['b-3', 'b-2', 'b-1']);
  });

  it('refuses a cursor it did not make for this view, and a page size out of range', async () => {
    await insert(doc('refuse-1', 'refuse-paging', { activeAt: 1 }), doc('refuse-2', 'refuse-paging', { activeAt: 2 }));
    const resolved = await page(ana, { view: 'resolved', queue: 'refuse-paging', limit: 1 });
    expect(resolved.nextCursor).not.toBeNull();
    const forged = Buffer.from(JSON.stringify(['resolved', 'soon', 'x'])).toString('base64url');
    for (const [cursor, view] of [
      ['not-a-cursor', 'resolved'],
      [forged, 'resolved'],
      [resolved.nextCursor, 'awaiting'],
    ]) {
      const res = await ana.fetch(`/api/conversations?view=${view}&cursor=${encodeURIComponent(cursor ?? '')}`);
      expect(res).toEqual({
        status: 400,
        body: {
          code: 'invalid_request',
          message: `That cursor does not continue the ${view} list: pass the nextCursor of the previous page of this view, or leave it out to start from the first page.`,
        },
      });
    }
    const tooLong = await ana.fetch(`/api/conversations?view=resolved&cursor=${'x'.repeat(257)}`);
    expect(tooLong.status).toBe(400);
    for (const limit of ['0', '201', '2.5', 'many']) {
      const res = await ana.fetch(`/api/conversations?view=resolved&limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Invalid querystring: limit must be a whole number from 1 to 200');
    }
  });
});
