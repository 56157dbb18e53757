import type { BotAttempt, CasePackage, FiredTrigger, ReplyTone, VisitorProfile } from '../../shared/case-package';
import type { TriggerId } from '../../shared/entities';
import { listed, words } from './case-words';
import { extractFacts, mergeFacts } from './facts';
import type { HandoffDecision, Turn } from './handoff-decision';
import { suggestReplies } from './suggested-reply';

export interface CasePackageInput {
  decision: HandoffDecision;
  turns: Turn[];
  visitor: Omit<VisitorProfile, 'earlierConversations'>;
  earlierConversations: number;
  /** Facts known beyond the decision's (from earlier in the conversation); they win over the decision's. */
  facts?: Record<string, string>;
  tone?: ReplyTone;
  /** ISO instant. */
  now: string;
}

export interface CaseUpdate {
  /** Turns added since the package was built or last refreshed. */
  turns?: Turn[];
  facts?: Record<string, string>;
}

const INTENT_WANTS: Record<string, string> = {
  refund: 'a refund',
  return: 'to return an order',
  returns: 'to return an order',
  billing_dispute: 'to dispute a charge',
  billing: 'help with billing',
  account_access: 'to get back into their account',
  data_deletion: 'their data deleted',
  complaint: 'to make a complaint',
  legal: 'help with a legal matter',
  medical: 'help with a health concern',
  account: 'help with their account',
  order_status: 'to know where their order is',
  shipping: 'shipping information',
  payment: 'help with paying',
  pricing: 'pricing or a quote',
  sales: 'to buy (pricing, a quote or a demo)',
  technical: 'technical help',
  general_question: 'an answer to a question',
};

const TRIGGER_WORDS: Record<TriggerId, string> = {
  human_request: 'the visitor asked for a person',
  low_confidence: 'the bot was not confident in its answer',
  policy_topic: 'the topic needs a person by policy',
  customer_tag: 'the visitor is a tagged customer',
  tool_failure: 'a bot tool failed',
  buying_intent: 'the visitor wants to buy',
  repeated_failure: 'the bot failed several times',
  frustration: 'the visitor sounds frustrated or urgent',
  out_of_scope: 'the question is outside what the bot may answer',
};

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** The visitor's own words that say most: the longest message (the first among equals). */
function quoteOf(turns: Turn[]): string | null {
  const said = turns.filter((t) => t.from === 'visitor' && t.text.trim() !== '');
  const longest = said.reduce<Turn | null>((best, t) => (best && best.text.length >= t.text.length ? best : t), null);
  return longest ? clip(longest.text, 140) : null;
}

function wantsLine(name: string | null, intent: string, facts: Record<string, string>, quote: string | null): string {
  const wants = INTENT_WANTS[intent] ?? `help with ${words(intent)}`;
  const known = [facts.orderNumber && `order ${facts.orderNumber}`, facts.amount].filter((f): f is string => !!f);
  const about = known.length > 0 ? ` (${known.join(', ')})` : '';
  return `${name ?? 'The visitor'} wants ${wants}${about}${quote ? `: "${quote}"` : '.'}`;
}

function triedLine(attempts: BotAttempt[], triggers: FiredTrigger[]): string {
  const answers = attempts.filter((a) => !a.fallback && !a.toolError);
  const fallbacks = attempts.filter((a) => a.fallback).length;
  const toolErrors = attempts.filter((a) => a.toolError).length;
  const confidences = answers.flatMap((a) => (a.confidence === null ? [] : [a.confidence.toFixed(2)])).slice(-3);
  const tried = [
    answers.length > 0 && `answered ${times(answers.length)}${confidences.length > 0 ? ` (confidence ${confidences.join(', ')})` : ''}`,
    fallbacks > 0 && `fell back ${times(fallbacks)}`,
    toolErrors > 0 && `hit ${toolErrors === 1 ? 'a tool error' : `${toolErrors} tool errors`}`,
  ].filter((p): p is string => !!p);
  const bot = tried.length > 0 ? `The bot ${listed(tried)}` : 'The bot had not answered yet';
  const why = triggers.slice(0, 3).map((t) => `${TRIGGER_WORDS[t.trigger]}${t.evidence ? ` ("${clip(t.evidence, 60)}")` : ''}`);
  return `${bot}; ${why.length > 0 ? `escalated because ${listed(why)}` : 'no trigger was recorded'}.`;
}

const LEGAL = /\b(legal|lawyer|attorney|solicitor|sue|lawsuit|court|gdpr|ombudsman)\b/i;

function flagsFor(pkg: CaseCore): string[] {
  const fired = new Set(pkg.triggers.map((t) => t.trigger));
  const flags: [string, boolean][] = [
    ['urgent', pkg.urgency === 'urgent' || pkg.urgency === 'high'],
    ['frustrated', fired.has('frustration')],
    ['vip', fired.has('customer_tag') || (pkg.visitor.verified && pkg.visitor.tags.includes('vip'))],
    ['legal', pkg.intent === 'legal' || pkg.intent === 'data_deletion' || pkg.triggers.some((t) => LEGAL.test(t.evidence))],
    ['tool_error', fired.has('tool_failure') || pkg.botAttempts.some((a) => a.toolError)],
    ['repeated_failure', fired.has('repeated_failure') || pkg.botAttempts.filter((a) => a.fallback).length >= 2],
    ['missing_facts', pkg.missingFacts.length > 0],
    ['sales_lead', fired.has('buying_intent')],
    ['returning_visitor', pkg.visitor.earlierConversations > 0],
  ];
  return flags.filter(([, on]) => on).map(([flag]) => flag);
}

// What failed goes into the attempt's text: a failed tool often leaves the bot nothing to say.
const attemptText = (t: Turn): string => (!t.toolError || !t.error ? t.text : t.text.trim() === '' ? t.error : `${t.text} (${t.error})`);
const attemptsOf = (turns: Turn[]): BotAttempt[] =>
  turns
    .filter((t) => t.from === 'bot')
    .map((t) => ({
      text: attemptText(t),
      confidence: t.confidence ?? null,
      fallback: t.fallback ?? false,
      toolError: t.toolError ?? false,
    }));

// A fact the operator can already see on the visitor card is not missing: asking again makes the visitor repeat.
function stillMissing(missing: string[], facts: Record<string, string>, visitor: VisitorProfile): string[] {
  return missing.filter((key) => !facts[key] && !(key === 'email' && visitor.email) && !(key === 'name' && visitor.name));
}

type CaseCore = Omit<CasePackage, 'flags' | 'summary' | 'suggestedReply' | 'suggestedReplies'>;

function finish(core: CaseCore, quote: string | null, label: string | null = null): CasePackage {
  const templates = suggestReplies(core, label);
  const notes = core.modelNotes;
  // The model's first reply answers the main reason; the templates for the other reasons stay.
  const suggestedReplies = notes?.suggestedReply
    ? [{ trigger: templates[0]?.trigger ?? null, text: notes.suggestedReply }, ...templates.slice(1)]
    : templates;
  return {
    summary: notes?.summary ?? [wantsLine(core.visitor.name, core.intent, core.facts, quote), triedLine(core.botAttempts, core.triggers)],
    ...core,
    flags: flagsFor(core),
    suggestedReply: suggestedReplies[0]?.text ?? '',
    suggestedReplies,
  };
}

/** The AI agent's own notes (its hand_off summary, its case notes) join the package and outlast refreshes. */
export function withModelNotes(pkg: CasePackage, notes: NonNullable<CasePackage['modelNotes']>, now: string): CasePackage {
  const { summary, flags, suggestedReply, suggestedReplies, ...core } = pkg;
  return finish({ ...core, modelNotes: { ...core.modelNotes, ...notes }, updatedAt: now }, quoteIn(summary[0]));
}

/** Everything an operator needs to reply within 30 seconds without asking the visitor to repeat anything. */
export function buildCasePackage(input: CasePackageInput): CasePackage {
  const { decision } = input;
  const visitor: VisitorProfile = { ...input.visitor, earlierConversations: input.earlierConversations };
  const facts = mergeFacts(decision.facts, input.facts ?? {});
  const core = {
    intent: decision.intent,
    intentCorrection: null,
    triggers: decision.triggers,
    queue: decision.queue,
    routingRule: decision.routingRule,
    visitor,
    facts,
    botAttempts: attemptsOf(input.turns),
    urgency: decision.urgency,
    missingFacts: stillMissing(decision.missingFacts, facts, visitor),
    replyTone: input.tone ?? 'friendly',
    modelNotes: null,
    updatedAt: input.now,
  };
  return finish(core, quoteOf(input.turns), decision.topic);
}

// The quote is not stored apart from the summary; it is the part wantsLine put after ': "'.
function quoteIn(line: string): string | null {
  const at = line.indexOf(': "');
  return at >= 0 && line.endsWith('"') ? line.slice(at + 3, -1) : null;
}

/** New facts and turns after the handoff: facts, missing facts, attempts, flags and texts follow; the intent (and its correction) stays. */
export function refreshCasePackage(existing: CasePackage, update: CaseUpdate, now: string): CasePackage {
  const turns = update.turns ?? [];
  const said = turns.filter((t) => t.from === 'visitor').map((t) => extractFacts(t.text, { expecting: existing.missingFacts }));
  const facts = [...said, update.facts ?? {}].reduce(mergeFacts, existing.facts);
  const { summary, flags, suggestedReply, suggestedReplies, ...core } = existing;
  const next = {
    ...core,
    facts,
    botAttempts: [...existing.botAttempts, ...attemptsOf(turns)],
    missingFacts: stillMissing(existing.missingFacts, facts, existing.visitor),
    updatedAt: now,
  };
  return finish(next, quoteIn(summary[0]));
}

/** An operator's correction of the detected intent; `from` stays the engine's detection, so corrections can be measured. */
export function correctIntent(pkg: CasePackage, to: string, by: string, at: string): CasePackage {
  if (to === pkg.intent) return pkg;
  const detected = pkg.intentCorrection?.from ?? pkg.intent;
  const { summary, flags, suggestedReply, suggestedReplies, ...core } = pkg;
  const next = {
    ...core,
    intent: to,
    intentCorrection: to === detected ? null : { from: detected, to, by, at },
    updatedAt: at,
  };
  return finish(next, quoteIn(summary[0]));
}
