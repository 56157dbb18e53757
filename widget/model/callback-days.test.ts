import { describe, expect, it } from 'vitest';
import { groupSlots } from './callback-days';

/** Hourly slots from a UTC instant, as the server offers them. */
function hourly(startIso: string, count: number) {
  const start = Date.parse(startIso);
  return Array.from({ length: count }, (_, i) => ({
    start: new Date(start + i * 3600_000).toISOString(),
    end: new Date(start + (i + 1) * 3600_000).toISOString(),
  }));
}

describe('groupSlots', () => {
  it('gives a Tokyo visitor of a Berlin site their waking hours first, by their own day', () => {
    // Berlin 09:00–18:00 on Tuesday 3 March 2026 (UTC+1) is 17:00–02:00 in Tokyo (UTC+9).
    const slots = hourly('2026-03-03T08:00:00Z', 9);
    const days = groupSlots(slots, 'Asia/Tokyo', 'en-GB');
    expect(days.map((d) => d.key)).toEqual(['2026-03-03', '2026-03-04']);
    expect(days[0]?.label).toBe('Tuesday 3 March');
    expect(days[0]?.waking.map((c) => c.label)).toEqual(['17:00–18:00', '18:00–19:00', '19:00–20:00', '20:00–21:00']);
    expect(days[0]?.other.map((c) => c.label)).toEqual(['21:00–22:00', '22:00–23:00', '23:00–0:00']);
    expect(days[1]?.waking).toEqual([]);
    expect(days[1]?.other.map((c) => c.label)).toEqual(['0:00–1:00', '1:00–2:00']);
    // The index is the offer's own, so the form sends back the slot the server listed.
    expect(days[0]?.waking[0]?.index).toBe(0);
    expect(days[1]?.other[1]?.slot).toEqual(slots[8]);
  });

  it('reads local hours across a DST change (Los Angeles springs forward on 8 March 2026)', () => {
    // 15:00 UTC is 07:00 PST on 7 March and 08:00 PDT on 8 March: the same UTC slot changes side.
    const saturday = groupSlots(hourly('2026-03-07T15:00:00Z', 1), 'America/Los_Angeles', 'en-US');
    const sunday = groupSlots(hourly('2026-03-08T15:00:00Z', 1), 'America/Los_Angeles', 'en-US');
    expect(saturday[0]?.other).toHaveLength(1);
    expect(saturday[0]?.waking).toEqual([]);
    // ICU versions differ in the space before AM (narrow no-break or plain).
    expect(sunday[0]?.waking.map((c) => c.label.replace(/\s/g, ' '))).toEqual(['8:00 AM–9:00 AM']);
  });

  it('keeps a visitor in the site’s zone on one day in order, even when slots arrive out of order', () => {
    const slots = hourly('2026-06-02T07:00:00Z', 3).reverse();
    const days = groupSlots(slots, 'Europe/Berlin', 'de-DE');
    expect(days).toHaveLength(1);
    expect(days[0]?.waking.map((c) => c.index)).toEqual([2, 1, 0]);
    expect(days[0]?.label).toBe('Dienstag, 2. Juni');
  });
});
