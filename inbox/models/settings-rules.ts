import type { Shift } from '../../shared/config/hours';
import type { FieldIssue } from '../api-errors';

/** Issues about `prefix` itself or anything inside it: "queues" collects "queues.2.name". */
export function issuesAt(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
}

/** Issues no dedicated form field shows; the JSON editor lists them with their path. */
export function unclaimedIssues(issues: readonly FieldIssue[], claimed: readonly string[]): FieldIssue[] {
  return issues.filter((i) => !claimed.some((prefix) => i.path === prefix || i.path.startsWith(`${prefix}.`)));
}

export function toFieldIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const SHIFT = /^(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/;

/** "09:00-12:00, 13:00-17:00" → shifts; empty text is a closed day. */
export function parseShifts(text: string): { ok: true; shifts: Shift[] } | { ok: false; message: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const shifts: Shift[] = [];
  for (const part of parts) {
    const match = SHIFT.exec(part);
    if (!match?.[1] || !match[2]) {
      return { ok: false, message: `"${part}" is not a time range; write it like 09:00-17:00.` };
    }
    shifts.push({ start: match[1], end: match[2] });
  }
  return { ok: true, shifts };
}

export const formatShifts = (shifts: readonly Shift[]) => shifts.map((s) => `${s.start}-${s.end}`).join(', ');

/** "2025-12-24, 2025-12-25" → dates; validation of each date is left to the schema. */
export const parseList = (text: string) =>
  text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
