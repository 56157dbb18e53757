import type { VisitorMessageKey } from '../../shared/visitor-messages';
import { pickWidgetLocale } from '../../shared/visitor-messages';
import { resolveVisitorStrings } from '../../shared/visitor-strings';
import type { ConversationDoc, SiteDoc } from '../store/documents';

/** A visitor-facing sentence in the conversation's language, with the site's overrides. */
export function visitorText(
  site: SiteDoc,
  conversation: Pick<ConversationDoc, 'visitorLocale'>,
  key: VisitorMessageKey,
  vars: Record<string, string | number> = {},
): string {
  const locale = pickWidgetLocale(conversation.visitorLocale);
  const template = resolveVisitorStrings(locale, site.config.widget.messages[locale])[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
