/**
 * The one form of an email address for lookup, storage and rate limiting: Unicode NFKC (full-width
 * and compatibility forms fold to ASCII), invisible format characters removed, trimmed, lower-case.
 * Without it " Ana@x.test", "ANA@x.test" and "ａｎａ@x.test" would each get their own rate-limit budget.
 */
export function normalizeEmail(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim()
    .toLowerCase();
}
