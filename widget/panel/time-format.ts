const formats = new Map<string, Intl.DateTimeFormat>();

/** "14:05" / "2:05 PM" in the visitor's locale and zone: a message's time, compact. */
export function clockTime(iso: string, locale: string): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    formats.set(locale, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}

/** "5 minutes", "2 hours": a duration in words of the visitor's language. */
export function spokenDuration(minutes: number, locale: string): string {
  const hours = minutes >= 90 ? Math.ceil(minutes / 60) : 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: hours ? 'hour' : 'minute', unitDisplay: 'long' }).format(hours || minutes);
}
