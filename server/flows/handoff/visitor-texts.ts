import { defaultIntents, defaultPolicyTopics } from '../../../shared/config/triggers';
import { labelIn } from '../../../shared/config/topic-labels';
import { factLabel } from '../../../shared/fact-labels';
import { formatList } from '../../../shared/list-format';
import type { VisitorMessageKey, VisitorStrings, WidgetLocale } from '../../../shared/visitor-messages';
import { pickWidgetLocale } from '../../../shared/visitor-messages';
import { resolveVisitorStrings } from '../../../shared/visitor-strings';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';

type Addressee = Pick<Conversation, 'visitorLocale'>;

/** The language the visitor reads: the widget's, from the conversation. */
export const conversationLocale = (conversation: Addressee): WidgetLocale => pickWidgetLocale(conversation.visitorLocale);
const localeOf = conversationLocale;

function stringsFor(site: Site, locale: WidgetLocale): VisitorStrings {
  return resolveVisitorStrings(locale, site.config.widget.messages[locale]);
}

/** A visitor-facing sentence in the conversation's language, with the site's overrides. */
export function visitorText(
  site: Site,
  conversation: Addressee,
  key: VisitorMessageKey,
  vars: Record<string, string | number> = {},
): string {
  const template = stringsFor(site, localeOf(conversation))[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Required facts named in the conversation's language and joined as it joins a list ("número de pedido y correo electrónico"). */
export function visitorFactList(site: Site, conversation: Addressee, facts: readonly string[]): string {
  const locale = localeOf(conversation);
  const strings = stringsFor(site, locale);
  return formatList(
    facts.map((fact) => factLabel(strings, fact)),
    locale,
  );
}

const builtInTopics = [...defaultPolicyTopics, ...defaultIntents];

/**
 * The handoff topic as the visitor reads it. `topic` is the label the trigger engine chose (the
 * site's one label, which operators read); `intent` is the id of the topic or issue type it came
 * from. When the site's topics no longer hold that label under that id (the settings changed since),
 * the visitor reads the label as it was chosen.
 */
export function visitorTopic(site: Site, conversation: Addressee, intent: string | null, topic: string | null): string | null {
  if (!topic) return topic;
  const { policy_topic, intents } = site.config.triggers;
  const source = [...policy_topic.topics, ...intents].find((t) => t.id === intent && t.label === topic);
  return source ? labelIn(source, localeOf(conversation), builtInTopics) : topic;
}
