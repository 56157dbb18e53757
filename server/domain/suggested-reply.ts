import type { CasePackage } from '../../shared/case-package';
import type { TriggerId } from '../../shared/entities';
import { factLabel } from '../../shared/fact-labels';
import { formatList } from '../../shared/list-format';
import type { WidgetLocale } from '../../shared/visitor-messages';
import { defaultVisitorStrings } from '../../shared/visitor-strings';
import { pickWidgetLocale } from '../../shared/widget-locales';
import { words } from './case-words';
import { replyPhrases } from './reply-phrases';

// Intents where the visitor has lost something; the first reply opens with an apology.
const SETBACKS = new Set(['refund', 'return', 'returns', 'billing_dispute', 'complaint', 'medical', 'account_access', 'order_status']);

// A formal voice spells contractions out and thanks in full.
const FORMAL: [RegExp, string][] = [
  [/\bI'm\b/g, 'I am'],
  [/\bI've\b/g, 'I have'],
  [/\bI'll\b/g, 'I will'],
  [/\bI'd\b/g, 'I would'],
  [/\bcouldn't\b/g, 'could not'],
  [/\bthat's\b/g, 'that is'],
  [/\bthanks\b/g, 'thank you'],
  [/!/g, '.'],
];

type ReplyBasis = Pick<CasePackage, 'visitor' | 'intent' | 'facts' | 'missingFacts' | 'triggers' | 'replyTone'>;

/**
 * `label`: the site's own words for a topic it defined ("your warranty claim"), used for intents
 * without a phrase here. Written in the visitor's language (their locale, else the site's default),
 * since the operator sends it to them; the formal voice's spelled-out contractions are English only.
 */
function suggestReply(pkg: ReplyBasis, trigger: TriggerId | null, label: string | null, locale: WidgetLocale): string {
  const phrases = replyPhrases[locale];
  const formal = pkg.replyTone === 'formal';
  const greeting = phrases.greeting(pkg.visitor.name, formal);
  const order = pkg.facts.orderNumber;
  const base = phrases.topics[pkg.intent] ?? label ?? phrases.aboutIntent(words(pkg.intent));
  const topic = pkg.intent === 'order_status' && order ? phrases.trackingOrder(order) : order ? phrases.forOrder(base, order) : base;
  const body = phrases.body(trigger ?? 'none', { topic, base, order, setback: SETBACKS.has(pkg.intent) });
  const strings = defaultVisitorStrings[locale];
  const ask =
    pkg.missingFacts.length > 0
      ? phrases.ask(
          formatList(
            pkg.missingFacts.map((key) => factLabel(strings, key)),
            locale === 'en' ? 'en-GB' : locale,
          ),
        )
      : '';
  const text = `${body}${ask}`;
  return `${greeting} ${formal && locale === 'en' ? FORMAL.reduce((t, [from, to]) => t.replace(from, to), text) : text}`;
}

/** One first reply per reason that fired, in firing order (the first is the main one), in the site's tone and the visitor's language. */
export function suggestReplies(
  pkg: ReplyBasis,
  label: string | null,
  fallbackLocale: WidgetLocale = 'en',
): CasePackage['suggestedReplies'] {
  const locale = pickWidgetLocale(pkg.visitor.locale, fallbackLocale);
  const reasons = [...new Set(pkg.triggers.map((t) => t.trigger))];
  return (reasons.length > 0 ? reasons : [null]).map((trigger) => ({ trigger, text: suggestReply(pkg, trigger, label, locale) }));
}
