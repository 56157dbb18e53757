export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Only explicit http(s) URLs become links, so "javascript:", "data:" and friends stay inert text.
const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that usually ends the sentence around a URL rather than the URL itself.
const trailing = /[.,;:!?'"”’)\]]+$/;

/** Splits what a person typed into plain text and safe links; rendering never goes through innerHTML. */
export function splitText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0;
    let candidate = match[0];
    const cut = trailing.exec(candidate);
    // Keep a closing bracket that pairs with one inside the URL (Wikipedia-style links).
    if (cut) {
      let tail = cut[0];
      if (tail.startsWith(')') && candidate.includes('(')) tail = tail.slice(1);
      candidate = candidate.slice(0, candidate.length - tail.length);
    }
    const href = safeHref(candidate);
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
