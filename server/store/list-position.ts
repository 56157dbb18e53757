import type { Filter } from 'mongodb';
import * as z from 'zod/mini';
import { Urgency } from '../../shared/entities';
import { InboxView } from '../../shared/http';
import type { ConversationDoc } from './documents';

/**
 * Where a page of an inbox list ended: the sort key of its last row and that row's id. Paging on
 * the key instead of an offset keeps the next page in place while rows arrive above it.
 * Awaiting: urgency rank, then escalatedAt, createdAt, _id ascending. Other views: lastActivityAt
 * descending, then _id ascending.
 */
export type ListPosition =
  | { view: 'awaiting'; urgency: Urgency; escalatedAt: Date | null; createdAt: Date; id: string }
  | { view: Exclude<InboxView, 'awaiting'>; lastActivityAt: Date; id: string };

const Millis = z.number().check(z.int(), z.gte(0));
const Id = z.string().check(z.minLength(1), z.maxLength(128));
// Compact on the wire: the cursor travels in a query string.
const CursorBody = z.union([z.tuple([z.literal('awaiting'), Urgency, z.nullable(Millis), Millis, Id]), z.tuple([InboxView, Millis, Id])]);

export function positionOf(view: InboxView, doc: ConversationDoc): ListPosition {
  if (view === 'awaiting') return { view, urgency: doc.urgency, escalatedAt: doc.escalatedAt, createdAt: doc.createdAt, id: doc._id };
  return { view, lastActivityAt: doc.lastActivityAt, id: doc._id };
}

export function encodeCursor(p: ListPosition): string {
  const body =
    p.view === 'awaiting'
      ? [p.view, p.urgency, p.escalatedAt?.getTime() ?? null, p.createdAt.getTime(), p.id]
      : [p.view, p.lastActivityAt.getTime(), p.id];
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The position a cursor names, or null when it is not one this server made for `view`. */
export function decodeCursor(cursor: string, view: InboxView): ListPosition | null {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = CursorBody.safeParse(raw);
  if (!parsed.success || parsed.data[0] !== view) return null;
  const body = parsed.data;
  if (body.length === 5) {
    const [, urgency, escalatedAt, createdAt, id] = body;
    return {
      view: 'awaiting',
      urgency,
      escalatedAt: escalatedAt === null ? null : new Date(escalatedAt),
      createdAt: new Date(createdAt),
      id,
    };
  }
  const [listView, lastActivityAt, id] = body;
  if (listView === 'awaiting') return null;
  return { view: listView, lastActivityAt: new Date(lastActivityAt), id };
}

/** Rows of the same urgency that come after `p` (escalatedAt, createdAt, _id ascending; null sorts first). */
export function afterInUrgency(p: Extract<ListPosition, { view: 'awaiting' }>): Filter<ConversationDoc> {
  const tail = [{ createdAt: { $gt: p.createdAt } }, { createdAt: p.createdAt, _id: { $gt: p.id } }];
  if (p.escalatedAt === null) return { $or: [{ escalatedAt: { $ne: null } }, ...tail.map((t) => ({ escalatedAt: null, ...t }))] };
  return { $or: [{ escalatedAt: { $gt: p.escalatedAt } }, ...tail.map((t) => ({ escalatedAt: p.escalatedAt, ...t }))] };
}

/** Rows after `p` in newest-activity-first order. */
export function afterNewest(p: Extract<ListPosition, { view: Exclude<InboxView, 'awaiting'> }>): Filter<ConversationDoc> {
  return { $or: [{ lastActivityAt: { $lt: p.lastActivityAt } }, { lastActivityAt: p.lastActivityAt, _id: { $gt: p.id } }] };
}
