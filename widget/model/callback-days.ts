import type { CallbackSlot } from '../../shared/entities';

/** Waking hours in the visitor's own zone: slots starting from 08:00 and ending by 21:00 come first. */
export const WAKING = { fromHour: 8, toHour: 21 } as const;

export interface SlotChoice {
  /** Position in the offer's list: what the form sends back. */
  index: number;
  slot: CallbackSlot;
  /** "08:00–09:00" in the visitor's zone. */
  label: string;
}

export interface SlotDay {
  /** The calendar day in the visitor's zone, "2026-03-08". */
  key: string;
  /** "Sunday, 8 March" in the visitor's locale. */
  label: string;
  waking: SlotChoice[];
  /** Early morning and late evening for the visitor, behind "more times". */
  other: SlotChoice[];
}

function parts(date: Date, timeZone: string): { key: string; minutes: number } {
  const values = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return { key: `${values.year}-${values.month}-${values.day}`, minutes: Number(values.hour) * 60 + Number(values.minute) };
}

/**
 * The offer's slots as the visitor reads them: one group per day in their zone, in time order,
 * each split into waking hours and the rest. Pure (Intl only, no clock).
 */
export function groupSlots(slots: readonly CallbackSlot[], timeZone: string, locale: string): SlotDay[] {
  const dayLabel = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' });
  const days = new Map<string, SlotDay>();
  const ordered = slots.map((slot, index) => ({ slot, index })).sort((a, b) => Date.parse(a.slot.start) - Date.parse(b.slot.start));
  for (const { slot, index } of ordered) {
    const start = new Date(slot.start);
    const end = new Date(slot.end);
    const from = parts(start, timeZone);
    const to = parts(end, timeZone);
    let day = days.get(from.key);
    if (!day) {
      day = { key: from.key, label: dayLabel.format(start), waking: [], other: [] };
      days.set(from.key, day);
    }
    const endMinutes = to.key === from.key ? to.minutes : 24 * 60 + to.minutes;
    const waking = from.minutes >= WAKING.fromHour * 60 && endMinutes <= WAKING.toHour * 60;
    // Not formatRange: across midnight it adds both dates, and the day is the group's heading already.
    const label = `${time.format(start)}–${time.format(end)}`;
    (waking ? day.waking : day.other).push({ index, slot, label });
  }
  return [...days.values()];
}
