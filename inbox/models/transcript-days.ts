import type { Message } from '../../shared/entities';
import type { InternalNote } from '../../shared/operator-protocol';

export type TranscriptEntry =
  | { kind: 'message'; key: string; at: string; message: Message }
  | { kind: 'note'; key: string; at: string; note: InternalNote };

export interface TranscriptDay {
  /** yyyy-mm-dd in the operator's zone. */
  day: string;
  label: string;
  entries: TranscriptEntry[];
}

function dayKey(date: Date, timeZone?: string): string {
  // en-CA formats as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date);
}

/** "Today", "Yesterday", else "Sat, Dec 5, 2026": said once per day instead of on every message. */
export function dayLabel(iso: string, now: number, timeZone?: string): string {
  const date = new Date(iso);
  const key = dayKey(date, timeZone);
  if (key === dayKey(new Date(now), timeZone)) return 'Today';
  if (key === dayKey(new Date(now - 86_400_000), timeZone)) return 'Yesterday';
  return new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone }).format(date);
}

/**
 * Messages (in seq order) and internal notes (in time order) merged by time, then grouped by day.
 * A note goes after every message written at or before it.
 */
export function transcriptDays(
  messages: readonly Message[],
  notes: readonly InternalNote[],
  now: number,
  timeZone?: string,
): TranscriptDay[] {
  const entries: TranscriptEntry[] = [];
  const pending = [...notes].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  let n = 0;
  for (const m of messages) {
    while (n < pending.length && Date.parse(pending[n]!.createdAt) < Date.parse(m.createdAt)) {
      const note = pending[n++]!;
      entries.push({ kind: 'note', key: `n:${note.noteId}`, at: note.createdAt, note });
    }
    entries.push({ kind: 'message', key: `m:${m.seq}`, at: m.createdAt, message: m });
  }
  for (const note of pending.slice(n)) entries.push({ kind: 'note', key: `n:${note.noteId}`, at: note.createdAt, note });

  const days: TranscriptDay[] = [];
  for (const entry of entries) {
    const day = dayKey(new Date(entry.at), timeZone);
    const last = days.at(-1);
    if (last && last.day === day) last.entries.push(entry);
    else days.push({ day, label: dayLabel(entry.at, now, timeZone), entries: [entry] });
  }
  return days;
}
