// Pure: what the fault suite counts, from what each visitor sent and what the database and the
// visitor's socket ended up holding. Every figure must be 0 for a run to pass.

export interface VisitorRecord {
  /** Client message ids in the order the visitor wrote them. */
  sent: string[];
  /** The conversation's stored messages: seq and, for the visitor's own, its client message id. */
  stored: Array<{ seq: number; clientMessageId: string | null; fromVisitor: boolean }>;
  /** Every seq the visitor's socket delivered (welcome, message_added, history). */
  received: number[];
}

export interface Tally {
  sent: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** Seq numbers missing from the stored conversation (1..max). */
  gapped: number;
  /** Stored seqs the visitor never received over its socket. */
  missedByVisitor: number;
}

export function tallyVisitor({ sent, stored, received }: VisitorRecord): Tally {
  const own = stored.filter((m) => m.fromVisitor && m.clientMessageId !== null);
  const countById = new Map<string, number>();
  const seqById = new Map<string, number>();
  for (const m of own) {
    const id = m.clientMessageId as string;
    countById.set(id, (countById.get(id) ?? 0) + 1);
    if (!seqById.has(id)) seqById.set(id, m.seq);
  }
  const lost = sent.filter((id) => !countById.has(id)).length;
  const duplicated = [...countById.values()].reduce((n, c) => n + (c - 1), 0);
  const seqsInSendOrder = sent.map((id) => seqById.get(id)).filter((s): s is number => s !== undefined);
  let outOfOrder = 0;
  for (let i = 1; i < seqsInSendOrder.length; i++) if (seqsInSendOrder[i]! < seqsInSendOrder[i - 1]!) outOfOrder++;
  const seqs = new Set(stored.map((m) => m.seq));
  const max = Math.max(0, ...seqs);
  let gapped = 0;
  for (let s = 1; s <= max; s++) if (!seqs.has(s)) gapped++;
  const got = new Set(received);
  const missedByVisitor = [...seqs].filter((s) => !got.has(s)).length;
  return { sent: sent.length, lost, duplicated, outOfOrder, gapped, missedByVisitor };
}

export function sumTallies(tallies: Tally[]): Tally {
  const total: Tally = { sent: 0, lost: 0, duplicated: 0, outOfOrder: 0, gapped: 0, missedByVisitor: 0 };
  for (const t of tallies) for (const key of Object.keys(total) as Array<keyof Tally>) total[key] += t[key];
  return total;
}
