import type { CallbackSlot } from '../shared/entities';

/** Fills {placeholders}; an unknown one stays visible rather than vanishing silently. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    // An unknown zone (from the server, or a visitor's browser) must not break the page: fall back to the local one.
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
  }
}

const clock: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** "Monday 9:00", in the visitor's zone: when the team is back. */
export function formatBackAt(iso: string, locale: string, timeZone: string): string {
  return formatter(locale, { weekday: 'long', ...clock, timeZone }).format(new Date(iso));
}

/**
 * A callback slot in the visitor's zone; when the site's clock reads differently, its time and
 * zone follow in brackets, so both sides agree on the moment ("Tue, 3 Mar, 15:00–15:30 (14:00 CET)").
 */
export function formatSlot(slot: CallbackSlot, locale: string, timeZone: string, siteTimeZone: string): string {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const mine = formatter(locale, { weekday: 'short', day: 'numeric', month: 'short', ...clock, timeZone });
  const range = typeof mine.formatRange === 'function' ? mine.formatRange(start, end) : `${mine.format(start)} – ${mine.format(end)}`;
  const localTime = formatter(locale, { ...clock, timeZone }).format(start);
  const siteTime = formatter(locale, { ...clock, timeZone: siteTimeZone }).format(start);
  if (localTime === siteTime) return range;
  const siteLabel = formatter(locale, { ...clock, timeZone: siteTimeZone, timeZoneName: 'short' }).format(start);
  return `${range} (${siteLabel})`;
}

/** "45 s", "3 min 05 s", "2 h 14 min": precise enough to tick, short enough for a row. */
export function formatWait(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}

/** Date and time for an inbox row; an unparsable value is shown as it came. */
export function formatTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Time of day only, for the end of a slot that starts the same day. */
export function formatClock(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter('en', { timeStyle: 'short', timeZone }).format(date);
}

/** "billing_dispute" → "billing dispute", "orderNumber" → "order number". */
export const humanize = (id: string) =>
  id
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
