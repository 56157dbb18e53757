import type { CasePackage } from '../../shared/case-package';
import type { TriggerId } from '../../shared/entities';
import { factLabel } from '../../shared/fact-labels';
import { en } from '../../shared/visitor-strings/en';
import { listed, words } from './case-words';

const INTENT_TOPIC: Record<string, string> = {
  refund: 'the refund',
  return: 'the return',
  returns: 'the return',
  billing_dispute: 'the disputed charge',
  billing: 'your billing question',
  account_access: 'getting you back into your account',
  data_deletion: 'deleting your data',
  complaint: 'your complaint',
  legal: 'your legal question',
  medical: 'your health concern',
  account: 'your account',
  order_status: 'tracking your order',
  shipping: 'your delivery',
  payment: 'your payment',
  pricing: 'pricing and a quote',
  sales: 'your purchase',
  technical: 'the technical problem',
  general_question: 'your question',
};

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

/** `label`: the site's own words for a topic it defined ("your warranty claim"), used for intents without a phrase here. */
function suggestReply(pkg: ReplyBasis, trigger: TriggerId | null, label: string | null): string {
  const { name } = pkg.visitor;
  const formal = pkg.replyTone === 'formal';
  const greeting = formal ? `Hello${name ? ` ${name}` : ''},` : `Hi ${name?.split(' ')[0] ?? 'there'},`;
  const order = pkg.facts.orderNumber;
  const base = INTENT_TOPIC[pkg.intent] ?? label ?? `your question about ${words(pkg.intent)}`;
  const topic = pkg.intent === 'order_status' && order ? `tracking order ${order}` : order ? `${base} for order ${order}` : base;
  const body: Record<TriggerId | 'none', string> = {
    policy_topic: SETBACKS.has(pkg.intent)
      ? `I'm sorry about ${order ? `order ${order}` : 'this'} — I can help with ${base}.`
      : `I can help with ${topic}.`,
    human_request: `thanks for waiting — I'm here to help with ${topic}.`,
    low_confidence: `sorry our assistant couldn't answer that — I can help with ${topic} from here.`,
    out_of_scope: `that's not something our assistant can answer, but I can help with ${topic}.`,
    repeated_failure: `sorry you had to ask more than once. I've read the conversation and can help with ${topic} from here.`,
    tool_failure: `sorry, our system had trouble looking that up. I'll help with ${topic} myself.`,
    frustration: `I'm sorry this has been so frustrating. I've read everything you wrote and I'll help with ${topic} from here.`,
    customer_tag: `thanks for getting in touch. I'll personally help with ${topic}.`,
    buying_intent: `thanks for your interest! I'd be glad to help with ${topic}.`,
    none: `I'm here to help with ${topic}.`,
  };
  const ask = pkg.missingFacts.length > 0 ? ` Could you share your ${listed(pkg.missingFacts.map((key) => factLabel(en, key)))}?` : '';
  const text = `${body[trigger ?? 'none']}${ask}`;
  return `${greeting} ${formal ? FORMAL.reduce((t, [from, to]) => t.replace(from, to), text) : text}`;
}

/** One first reply per reason that fired, in firing order (the first is the main one), in the site's tone. */
export function suggestReplies(pkg: ReplyBasis, label: string | null): CasePackage['suggestedReplies'] {
  const reasons = [...new Set(pkg.triggers.map((t) => t.trigger))];
  return (reasons.length > 0 ? reasons : [null]).map((trigger) => ({ trigger, text: suggestReply(pkg, trigger, label) }));
}
