/** Items joined as the locale joins a list: "a, b and c" (en-GB), "a, b y c" (es); an unknown locale gets commas. */
export function formatList(items: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
