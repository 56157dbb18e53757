import { asksHowTo, startsWithLaughter } from './text';
import type { TriggersConfig } from '../../../shared/config/triggers';
import type { TriggerId, Urgency } from '../../../shared/entities';
import { extractFacts, mergeFacts } from '../facts';
import type { Turn, VisitorSignals } from '../handoff-decision';
import { isBotSelfTalk } from './bot-self-talk';
import { asksToReachSomeone } from './contact-asked';
import { soundsRefusing } from './bot-refuses';
import { detectBuyingIntent } from './buying-intent';
import type { CompiledTriggers } from './compile';
import type { AnalyzedText } from './phrase-index';
import { findAlreadyTried } from './already-tried';
import { findElapsed } from './elapsed';
import { findGivingUp } from './giving-up';
import { findSarcasm } from './sarcasm';
import { findBankReversal, findChargeStory } from './charge-story';
import { findDisownedOrder } from './disowned-order';
import { findToldBefore, thanksAnyway, withoutOpeningThanks } from './told-before';
import { findTimeLost, findWornOutOrGivingUp } from './worn-out';
import { capitalWordOf, detectFrustration, emphasisSigns, isJoyful } from './frustration';
import { isAffirmative } from './human-request';
import { identityFirings } from './verified-identity';
import { contentWords, isRephrasing } from './rephrasing';
import { topicsSetAside } from './not-a-case';
import { missingFactsFor } from './required-facts';
import { readBotTurn, readVisitorTurn, type VisitorReading } from './semantic-signals';
import { findIntentCategory, findPolicyTopics, malfunctionCategory, type TopicMatch, withoutQuotes } from './topics';
import { maxUrgency } from './urgency';
import { findWithdrawal } from './withdrawal';

export interface Firing {
  evidence: string;
  urgency: Urgency;
}

export interface TopicHit extends TopicMatch {
  /** How many visitor turns there had been when the topic came up (1-based). */
  visitorTurn: number;
}

/** What the engine knows after some turns; folded one turn at a time so replay never re-scans. */
export interface ConversationState {
  compiled: CompiledTriggers;
  visitor: VisitorSignals;
  visitorTurns: number;
  facts: Record<string, string>;
  /** Triggers that stay fired once seen, with their first evidence. */
  fired: Map<TriggerId, Firing>;
  /** The latest mention decides: a later "never mind, no agent" withdraws the request. */
  humanRequest: string | null;
  topics: TopicHit[];
  category: string | null;
  /** The category came from a routing keyword, not from the meaning alone. */
  isCategoryByKeyword: boolean;
  botIntent: string | null;
  /** The latest bot answer was below the confidence threshold (for 'offer' mode). */
  unsureAnswer: string | null;
  fallbacksInARow: number;
  failuresInARow: number;
  previousWords: Set<string> | null;
  hasBotRepliedSinceVisitor: boolean;
  /** The latest bot turn asked whether the visitor wants a person, so a plain "yes" is an ask. */
  hasBotOfferedPerson: boolean;
  /** The latest visitor turn was small talk or thanks: an unsure reply to it is no low-confidence answer. */
  isSmallTalk: boolean;
  /** …by its meaning alone: "cancel my subscription" is brief, not small talk. */
  isSmallTalkByMeaning: boolean;
}

function fire(state: ConversationState, trigger: TriggerId, evidence: string, urgency: Urgency): void {
  const earlier = state.fired.get(trigger);
  state.fired.set(trigger, earlier ? { ...earlier, urgency: maxUrgency(earlier.urgency, urgency) } : { evidence, urgency });
}

/** The state before any turn: only verified identity can fire anything here. */
export function startConversation(visitor: VisitorSignals, facts: Record<string, string>, compiled: CompiledTriggers): ConversationState {
  const state: ConversationState = {
    compiled,
    visitor,
    visitorTurns: 0,
    facts: { ...facts },
    fired: new Map(),
    humanRequest: null,
    topics: [],
    category: null,
    isCategoryByKeyword: false,
    botIntent: null,
    unsureAnswer: null,
    fallbacksInARow: 0,
    failuresInARow: 0,
    previousWords: null,
    hasBotRepliedSinceVisitor: false,
    hasBotOfferedPerson: false,
    isSmallTalk: false,
    isSmallTalkByMeaning: false,
  };
  for (const { trigger, evidence, urgency } of identityFirings(visitor, compiled)) fire(state, trigger, evidence, urgency);
  return state;
}

function checkRepeatedFailure(state: ConversationState, evidence: string): void {
  const settings = state.compiled.config.repeated_failure;
  if (!settings.enabled) return;
  if (state.fallbacksInARow >= settings.fallbacksInARow)
    fire(state, 'repeated_failure', `${state.fallbacksInARow} fallbacks in a row`, settings.urgency);
  else if (state.failuresInARow >= settings.failuresInARow)
    fire(state, 'repeated_failure', `${state.failuresInARow} failures in a row: ${evidence}`, settings.urgency);
}

/** Without meanings, a short message that asks nothing ("ok", "thx!", "diolch") is taken as small talk. */
const isBrief = (text: string): boolean => !text.includes('?') && text.trim().split(/\s+/u).length <= 3;

function readingOf(turn: Turn, compiled: CompiledTriggers): VisitorReading | null {
  return turn.meaning && compiled.config.semantic.enabled ? readVisitorTurn(turn.meaning, compiled) : null;
}

/**
 * A keyword hit stands unless the turn asks something and its meaning is clearly a question about
 * the matter ("does your AI agent support Slack?", "what's your refund window?"), not a case.
 * A statement keeps its keyword ("urgente!!! il POS non accetta carte"): negation and quotation are
 * the rules' own work.
 */
const stands = <T>(hit: T | null, label: string, reading: VisitorReading | null, isQuestion: boolean): T | null =>
  hit !== null && !(isQuestion && reading?.contradicts(label)) ? hit : null;

/** The visitor writes again after the bot answered them: what leans to a need here is that answer not being enough. */
const isAfterAnswer = (state: ConversationState): boolean => state.visitorTurns > 1 && state.hasBotRepliedSinceVisitor;

function applyHumanRequest(
  state: ConversationState,
  text: string,
  analyzed: AnalyzedText,
  reading: VisitorReading | null,
  asks: boolean,
  isWithdrawn: boolean,
): void {
  const hit = state.compiled.humanRequest.detect(analyzed);
  const context = isWithdrawn
    ? null
    : isAfterAnswer(state)
      ? "after the bot's answer"
      : hit === null && asksToReachSomeone(analyzed.normalized, analyzed.words)
        ? 'asks to reach someone'
        : null;
  const leaning = context ? reading?.leans('human_request') : null;
  if (hit?.isNegated) state.humanRequest = null;
  else if (stands(hit, 'human_request', reading, asks)) state.humanRequest = hit?.evidence ?? null;
  else if (reading?.humanRequest) state.humanRequest = reading.humanRequest.evidence;
  else if (state.hasBotOfferedPerson && isAffirmative(analyzed.words)) state.humanRequest = `accepted the offer of a person: ${text}`;
  else if (leaning) state.humanRequest = `${leaning.evidence}, ${context}`;
}

/** "Thanks for the link, it's the one I sent you in my first message": polite words, a bot going in circles. */
function politeButTried(analyzed: AnalyzedText, reading: VisitorReading | null): string | undefined {
  const tried = findAlreadyTried(analyzed.normalized) ?? findGivingUp(analyzed.normalized) ?? findSarcasm(analyzed.normalized);
  const leaning = tried !== null ? reading?.leans('frustration') : null;
  return leaning ? `${leaning.evidence} + ${tried}` : undefined;
}

/** Frustration by meaning: clear on its own, or leaning to it beside a weak sign of the rules or time lost (elapsed.ts). */
function frustrationByMeaning(
  state: ConversationState,
  text: string,
  analyzed: AnalyzedText,
  reading: VisitorReading | null,
): string | undefined {
  if (reading === null) return undefined;
  if (reading.frustration) return reading.frustration.evidence;
  const leaning = reading.leans('frustration');
  if (leaning === null) return undefined;
  // "urgent" is a hurry, not a sign of anger: shouting, "!!!", an angry face, time lost, attempts already
  // made or one word in capitals back a lean.
  const signs = emphasisSigns(text, state.compiled);
  const elapsed = findElapsed(analyzed.normalized);
  if (elapsed !== null) signs.push(elapsed);
  const tried = isAfterAnswer(state) ? findAlreadyTried(analyzed.normalized) : null;
  if (tried !== null) signs.push(tried);
  const gaveUp = isAfterAnswer(state) ? (findGivingUp(analyzed.normalized) ?? findSarcasm(analyzed.normalized)) : null;
  if (gaveUp !== null) signs.push(gaveUp);
  const capitals = signs.includes('shouting') ? null : capitalWordOf(text);
  if (capitals !== null) signs.push(capitals);
  // Not after the bot's answer alone: a visitor unhappy with an answer ("sei completamente inutile"
  // about a policy the bot stated) leans to frustration without needing a person.
  return signs.length > 0 ? `${leaning.evidence} + ${signs.join(' + ')}` : undefined;
}

/** The default configuration's topics for a disputed charge and for someone else in the account (shared/config/triggers.ts). */
const BILLING_DISPUTE = 'billing_dispute';
const ACCOUNT_ACCESS = 'account_access';

/**
 * A case no keyword names, told as what happened: a double charge counted ("jeweils 49,90 eingezogen.
 * Bestellt hab ich aber genau einmal") or the bank asked to reverse it (charge-story.ts), a statement and
 * not a question; an order in the account the visitor never placed (disowned-order.ts).
 */
function caseToldAsStory(state: ConversationState, normalized: string, asks: boolean): TopicMatch[] {
  const topicOf = (id: string) => state.compiled.topics.find((t) => t.topic.id === id)?.topic;
  const charge = asks ? null : (findChargeStory(normalized) ?? findBankReversal(normalized));
  const dispute = charge !== null ? topicOf(BILLING_DISPUTE) : undefined;
  if (dispute && charge !== null) return [{ topic: dispute, evidence: charge }];
  const disowned = findDisownedOrder(normalized);
  const access = disowned !== null ? topicOf(ACCOUNT_ACCESS) : undefined;
  return access && disowned !== null ? [{ topic: access, evidence: disowned }] : [];
}

/**
 * Frustration told without a frustration word, after the bot's answer: the answer or a promise given
 * before ("that's what it said on the 3rd, the 9th and the 14th", told-before.ts), unless happy thanks
 * close it; worn out or giving up beside time lost or attempts made ("ça fait une heure que je tourne en
 * rond, je suis crevée", "ci rinuncio. ho perso tutto il pomeriggio", worn-out.ts).
 */
function resignedAfterAnswer(state: ConversationState, text: string, normalized: string): string | undefined {
  if (!isAfterAnswer(state)) return undefined;
  const toldBefore = findToldBefore(normalized);
  if (toldBefore !== null && (!isJoyful(text, withoutOpeningThanks(normalized)) || thanksAnyway(normalized)))
    return `told before: ${toldBefore}`;
  const wornOut = findWornOutOrGivingUp(normalized);
  const lost = wornOut !== null && !isJoyful(text, normalized) ? (findTimeLost(normalized) ?? findAlreadyTried(normalized)) : null;
  return wornOut !== null && lost !== null ? `${wornOut} + ${lost}` : undefined;
}

function applyTopics(state: ConversationState, analyzed: AnalyzedText, reading: VisitorReading | null, asks: boolean): void {
  const matches: TopicMatch[] = findPolicyTopics(asks ? withoutQuotes(analyzed) : analyzed, state.compiled).filter((m) =>
    stands(m, m.topic.id, reading, asks),
  );
  // The meaning fills in where no keyword named a topic; it does not add a second topic beside one
  // ("I want to return my order" is a return waiting for its order number, not also a complaint).
  // Nor two topics by meaning at once: the clearest one is the case ("the charger is dead, I want my
  // money back" is a refund waiting for its order number, not also a charge dispute).
  // Nor in a how-to question: "wachtwoord vergeten, hoe reset ik dat?" reads close to a reset nobody asked for.
  if (matches.length === 0) matches.push(...caseToldAsStory(state, analyzed.normalized, asks));
  const byMeaning = matches.length > 0 || asksHowTo(analyzed.normalized) ? [] : (reading?.topics ?? []).slice(0, 1);
  for (const hit of byMeaning) {
    const topic = state.compiled.topics.find((t) => t.topic.id === hit.label)?.topic;
    if (topic && !matches.some((m) => m.topic.id === topic.id)) matches.push({ topic, evidence: hit.evidence });
  }
  const isSetAside = topicsSetAside(analyzed.normalized, asks);
  for (const match of matches) {
    if (isSetAside(match.topic.id)) continue;
    if (!state.topics.some((t) => t.topic.id === match.topic.id)) state.topics.push({ ...match, visitorTurn: state.visitorTurns });
  }
}

/** A request for a person, and cases still waiting for their facts, are taken back. */
function withdraw(state: ConversationState): void {
  const rules = state.compiled.config.requiredFacts;
  state.humanRequest = null;
  state.topics = state.topics.filter((t) => missingFactsFor([t.topic.id], rules, state.facts).length === 0);
}

function applyVisitorTurn(state: ConversationState, turn: Turn): void {
  const { compiled } = state;
  const { text } = turn;
  const config = compiled.config;
  const analyzed = compiled.analyze(text);
  const reading = readingOf(turn, compiled);
  const asks = /[?¿]/u.test(text);
  // Facts first, against what the bot was waiting for, so "it's 48213" answers "your order number?".
  const awaiting = missingFactsFor(
    state.topics.map((t) => t.topic.id),
    config.requiredFacts,
    state.facts,
  );
  state.facts = mergeFacts(state.facts, extractFacts(text, { expecting: awaiting }));
  state.visitorTurns++;
  // Taken back before anything of this turn counts: "never mind, get me a person" still asks.
  const withdrawal = findWithdrawal(analyzed.normalized);
  if (withdrawal !== null) withdraw(state);
  if (config.human_request.enabled) applyHumanRequest(state, text, analyzed, reading, asks, withdrawal !== null);
  if (config.policy_topic.enabled) applyTopics(state, analyzed, reading, asks);
  // Routing keywords are precise ("invoice" is billing); the meaning names the issue type when none is there.
  const keywordCategory = findIntentCategory(analyzed, compiled);
  const hintedCategory = reading?.category ?? malfunctionCategory(analyzed, compiled);
  if (keywordCategory !== null || hintedCategory) {
    state.category = keywordCategory ?? hintedCategory ?? null;
    state.isCategoryByKeyword = keywordCategory !== null;
  }
  const buying = config.buying_intent.enabled
    ? (stands(detectBuyingIntent(analyzed, compiled), 'buying_intent', reading, asks) ?? reading?.buying?.evidence)
    : undefined;
  if (config.frustration.enabled) {
    const found = stands(detectFrustration(text, analyzed, compiled), 'frustration', reading, asks);
    const hasCase = state.topics.length > 0 || state.humanRequest !== null || buying !== undefined;
    const rule = found?.isHurry && !hasCase ? null : found;
    // "laat maar" reads close to "kansloos dit" by meaning, and "perfetto, ordino subito, grazie!" close
    // to a sigh: a withdrawal, thanks or joy is outweighed only by a frustration rule, or, after the
    // bot's answer, by a meaning well ahead of the rivals ("Merci pour le lien. C'est celui que je vous ai envoyé").
    const isPoliteOrGivingUp = withdrawal !== null || isJoyful(text, analyzed.normalized);
    const byMeaning = !isPoliteOrGivingUp
      ? frustrationByMeaning(state, text, analyzed, reading)
      : isAfterAnswer(state)
        ? (reading?.insists('frustration')?.evidence ?? politeButTried(analyzed, reading))
        : undefined;
    const evidence = rule?.evidence ?? byMeaning ?? resignedAfterAnswer(state, text, analyzed.normalized);
    if (evidence) fire(state, 'frustration', evidence, rule?.isUrgent ? 'urgent' : config.frustration.urgency);
  }
  if (buying) fire(state, 'buying_intent', buying, config.buying_intent.urgency);
  const noAnswer = config.out_of_scope.enabled ? compiled.noAnswer.find(analyzed) : null;
  if (noAnswer && !noAnswer.isNegated) fire(state, 'out_of_scope', `no-answer topic: ${noAnswer.evidence}`, config.out_of_scope.urgency);

  const words = contentWords(analyzed.words);
  if (state.hasBotRepliedSinceVisitor) {
    const still = compiled.stillFailing.find(analyzed);
    const isStillFailing = still !== null && !still.isNegated;
    const restates =
      turn.meaning?.restates != null && config.semantic.restates !== null && turn.meaning.restates >= config.semantic.restates;
    const isRepeat = isStillFailing || restates || (state.previousWords !== null && isRephrasing(state.previousWords, words));
    state.failuresInARow = isRepeat ? state.failuresInARow + 1 : 0;
    if (isRepeat) checkRepeatedFailure(state, isStillFailing ? (still?.evidence ?? '') : 'asked again');
  }
  state.previousWords = words;
  state.isSmallTalkByMeaning = reading?.isSmallTalk ?? false;
  state.isSmallTalk = state.isSmallTalkByMeaning || isBrief(text) || startsWithLaughter(analyzed.normalized);
  state.hasBotRepliedSinceVisitor = false;
  state.hasBotOfferedPerson = false;
}

/**
 * An answer is unsure below the site's threshold. A bot that holds back such answers (the built-in
 * knowledge base, below its own confidenceThreshold) sends its fallback reply and marks the turn
 * `unsure`: it is still a fallback for repeated_failure, and it is also that bot's low-confidence
 * answer whatever its score, so the site's low_confidence setting (off, offer, handoff) applies to
 * it as to any bot. Otherwise a fallback is not an answer, and not a low-confidence one.
 */
function unsureAnswerOf(turn: Turn, low: TriggersConfig['low_confidence'], afterSmallTalk: boolean): string | null {
  if (!low.enabled || turn.toolError || afterSmallTalk) return null;
  if (turn.unsure) return `held back an answer at confidence ${turn.confidence ?? 0}`;
  const isBelow = !turn.fallback && typeof turn.confidence === 'number' && turn.confidence < low.threshold;
  return isBelow ? `confidence ${turn.confidence} below ${low.threshold}` : null;
}

function applyBotTurn(state: ConversationState, turn: Turn): void {
  const config = state.compiled.config;
  state.hasBotRepliedSinceVisitor = true;
  if (turn.intent) state.botIntent = turn.intent;
  if (turn.toolError && config.tool_failure.enabled)
    fire(state, 'tool_failure', `tool error: ${turn.error ?? turn.text}`, config.tool_failure.urgency);
  if (turn.fallback) {
    state.fallbacksInARow++;
    state.failuresInARow++;
    checkRepeatedFailure(state, 'bot fallback');
  } else if (!turn.toolError) state.fallbacksInARow = 0;

  const low = config.low_confidence;
  const isSelfTalk = isBotSelfTalk(turn.text);
  state.unsureAnswer = unsureAnswerOf(turn, low, state.isSmallTalk || isSelfTalk);
  if (state.unsureAnswer && low.mode === 'handoff') fire(state, 'low_confidence', state.unsureAnswer, low.urgency);

  const analyzed = state.compiled.analyze(turn.text);
  const offer = turn.text.includes('?') ? state.compiled.humanRequest.detect(analyzed) : null;
  state.hasBotOfferedPerson = offer !== null && !offer.isNegated;
  if (config.out_of_scope.enabled) {
    const rule = state.compiled.botCannot.find(analyzed);
    // A fallback ("sorry, I don't know that one") reads close to "I can't help with that": by meaning it
    // counts towards repeated failure only; an explicit phrase ("I'm not able to give legal advice") still counts.
    // Nor does a reply to small talk, or one that refuses nothing ("Done, your order now ships to…").
    const byMeaning =
      turn.meaning && config.semantic.enabled && !turn.fallback && !isSelfTalk && !state.isSmallTalkByMeaning && soundsRefusing(turn.text)
        ? readBotTurn(turn.meaning, state.compiled)
        : null;
    const evidence = rule && !rule.isNegated ? rule.evidence : byMeaning?.evidence;
    if (evidence) fire(state, 'out_of_scope', `bot: ${evidence}`, config.out_of_scope.urgency);
  }
}

/** Folds one more turn into the state (mutating it: the state is private to one evaluation). */
export function applyTurn(state: ConversationState, turn: Turn): void {
  if (turn.from === 'visitor') applyVisitorTurn(state, turn);
  else applyBotTurn(state, turn);
}
