import { normalizeForSearch } from '../../shared/search-text';

/** Bounded so one long conversation cannot make every search scan megabytes. */
export const MAX_SEARCH_TEXT_CHARS = 24_000;

export interface Searchable {
  visitorName: string | null;
  email: string | null;
  intent: string | null;
  facts: Record<string, string>;
  /** The transcript's text, oldest first (visitor, bot and operator messages; never internal notes). */
  messages: readonly string[];
}

/**
 * One normalised field a resolved conversation is found by: who (name, email), what it was about
 * (intent, facts) and what was said. When the transcript does not fit, its start and its end are kept.
 */
export function searchTextOf(s: Searchable): string {
  const head = [s.visitorName, s.email, s.intent, ...Object.entries(s.facts).map(([k, v]) => `${k} ${v}`)]
    .filter((x): x is string => !!x)
    .join(' | ');
  const said = s.messages.join(' | ');
  // Normalising never lengthens plain text much; the margin keeps the end inside the bound.
  const room = Math.max(0, MAX_SEARCH_TEXT_CHARS - head.length - 64);
  const kept = said.length <= room ? said : `${said.slice(0, Math.floor(room / 2))} ... ${said.slice(said.length - Math.floor(room / 2))}`;
  return normalizeForSearch(`${head} | ${kept}`).slice(0, MAX_SEARCH_TEXT_CHARS);
}
