import type { InboxView } from '../shared/http';

export type Section = InboxView | 'callbacks' | 'settings';

export interface Route {
  section: Section;
  conversationId: string | null;
}

const sections: readonly Section[] = ['awaiting', 'live', 'mine', 'callbacks', 'resolved', 'settings'];

export const defaultRoute: Route = { section: 'awaiting', conversationId: null };

/** "#/mine/c_42" → mine with c_42 open; anything unknown falls back to Awaiting handoff. */
export function parseRoute(hash: string): Route {
  const [rawSection, rawId] = hash.replace(/^#\/?/, '').split('/');
  const section = sections.find((s) => s === rawSection);
  if (!section) return defaultRoute;
  const conversationId = section !== 'settings' && rawId ? decodeURIComponent(rawId) : null;
  return { section, conversationId };
}

export function formatRoute(route: Route): string {
  const id = route.conversationId && route.section !== 'settings' ? `/${encodeURIComponent(route.conversationId)}` : '';
  return `#/${route.section}${id}`;
}

export const isListSection = (s: Section): s is InboxView => s !== 'callbacks' && s !== 'settings';
