import type { InboxView } from '../shared/http';

export type Section = InboxView | 'callbacks' | 'insights' | 'settings';

export interface Route {
  section: Section;
  conversationId: string | null;
}

const sections: readonly Section[] = ['awaiting', 'live', 'mine', 'callbacks', 'resolved', 'insights', 'settings'];
/** Pages that are not a list with a conversation beside it. */
const pages: readonly Section[] = ['settings', 'insights'];

export const defaultRoute: Route = { section: 'awaiting', conversationId: null };

/** "#/mine/c_42" → mine with c_42 open; anything unknown falls back to Awaiting handoff. */
export function parseRoute(hash: string): Route {
  const [rawSection, rawId] = hash.replace(/^#\/?/, '').split('/');
  const section = sections.find((s) => s === rawSection);
  if (!section) return defaultRoute;
  const conversationId = !pages.includes(section) && rawId ? decodeURIComponent(rawId) : null;
  return { section, conversationId };
}

export function formatRoute(route: Route): string {
  const id = route.conversationId && !pages.includes(route.section) ? `/${encodeURIComponent(route.conversationId)}` : '';
  return `#/${route.section}${id}`;
}

export const isListSection = (s: Section): s is InboxView => s !== 'callbacks' && !pages.includes(s);
