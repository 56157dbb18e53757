export const defaultAccent = '#1f5fbf';

function channel(hex: string): number {
  const c = Number.parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rgb or #rrggbb; null when it is not a colour we can read. */
export function luminance(color: string): number | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!m?.[1]) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return 0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
}

export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * The accent the site chose and the text colour for it: pure black or white, whichever contrasts
 * more. Against any colour one of the two reaches at least 4.58:1, so WCAG AA always holds.
 */
export function accentPair(accent: string): { accent: string; onAccent: string } {
  const lum = luminance(accent);
  if (lum === null) return accentPair(defaultAccent);
  return { accent, onAccent: contrastRatio(lum, 1) >= contrastRatio(lum, 0) ? '#fff' : '#000' };
}
