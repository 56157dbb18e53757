/**
 * The one normalisation for search, applied to what is stored and to what is asked: lower case,
 * accents dropped, runs of whitespace as one space. "José  Núñez" and "jose nunez" then match with a
 * plain (case-sensitive) regex, which FerretDB 1.24 evaluates without collation support.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
