import type { WidgetAvailability } from '../../shared/visitor-protocol';
import { WIDGET_AVAILABILITY_PATH } from '../../shared/api/public-paths';

// The launcher's own "back at" sentence before the server's strings arrive; must match backAt in
// shared/visitor-strings.ts (a test checks). The launcher cannot afford zod or every language.
export const backAtTemplates: Record<string, string> = {
  en: 'We’re back {time}.',
  es: 'Volvemos {time}.',
  fr: 'Nous serons de retour {time}.',
  de: 'Wir sind wieder da: {time}.',
  pt: 'Voltamos {time}.',
};

export type LauncherState = { kind: 'shown' } | { kind: 'hidden' } | { kind: 'back_at'; text: string };

/**
 * What the launcher does while nobody can answer (site option `whenUnavailable`): hide, or say when
 * the team is back in the visitor's own time zone. A visitor with a conversation under way always
 * keeps the launcher, and no answer from the server means a plain launcher, never a hidden one.
 */
export function decideLauncher(
  availability: WidgetAvailability | null,
  hasConversation: boolean,
  template: string,
  locale: string,
  timeZone?: string,
): LauncherState {
  // Handoff off: the bot answers whatever the hours, so there is nothing to be unavailable for.
  if (!availability || availability.available || availability.handoffEnabled === false || hasConversation) return { kind: 'shown' };
  if (availability.whenUnavailable === 'hide_launcher') return { kind: 'hidden' };
  if (!availability.nextOpenAt) return { kind: 'shown' };
  const time = new Intl.DateTimeFormat(locale || undefined, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone }).format(
    new Date(availability.nextOpenAt),
  );
  return { kind: 'back_at', text: template.replace('{time}', time) };
}

/** GET /api/widget/availability: cookieless, no storage, no socket, so it is allowed before any interaction. */
export async function fetchAvailability(scriptOrigin: string, siteKey: string): Promise<WidgetAvailability | null> {
  try {
    const response = await fetch(`${scriptOrigin}${WIDGET_AVAILABILITY_PATH}?site=${encodeURIComponent(siteKey)}`, {
      credentials: 'omit',
    });
    if (response.status === 403) {
      // This page's origin is not the site's (origin_not_allowed): tell the page's owner in the console, where they look.
      const refusal = (await response.json().catch(() => null)) as { message?: unknown } | null;
      if (typeof refusal?.message === 'string') console.error(`Baton: ${refusal.message}`);
      return null;
    }
    const body = response.ok ? ((await response.json()) as Partial<WidgetAvailability>) : null;
    // A hand check of the fields used, since zod would double the launcher.
    const usable =
      typeof body?.available === 'boolean' &&
      (body.nextOpenAt === null || typeof body.nextOpenAt === 'string') &&
      (body.whenUnavailable === 'show_back_at' || body.whenUnavailable === 'hide_launcher');
    return usable ? (body as WidgetAvailability) : null;
  } catch {
    // Offline, blocked by the page's connect-src, or an old server: show the plain launcher.
    return null;
  }
}
