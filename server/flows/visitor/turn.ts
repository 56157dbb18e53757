import { decideHandoff } from '../../domain/triggers';
import type { HandoffDecision } from '../../domain/handoff-decision';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { runBotTurn } from '../handoff/bot-turn';
import type { FlowDeps } from '../../composition';
import { escalate } from '../handoff/escalate';
import { type PendingStamps, postMessage, settleStamps } from '../handoff/post-message';
import { handoffInput, loadJudgedTurns } from '../handoff/turns';
import { visitorFactList, visitorText, visitorTopic } from '../handoff/visitor-texts';
import { reopenIfResolved } from './session';

/** The bot speaks only while it holds the conversation (or, if the site allows, while a person is awaited). */
export function isBotsTurn(site: Site, conversation: Conversation): boolean {
  return conversation.state === 'bot' || (conversation.state === 'queued' && site.config.botAnswersWhileWaiting);
}

/**
 * Whether a visitor message may leave its conversation stamps to the bot's reply, deciding on this
 * instance's copy (store/conversation-copies.ts): the copy says the bot holds it; the bot does not
 * stream (a streamed reply refused on a stale copy would already have reached the visitor); and the
 * visitor wrote recently, so the inactivity sweep cannot close the conversation while the stamps wait.
 */
export function mayDeferStamps(site: Site, copy: Conversation | null, now: Date): copy is Conversation {
  if (copy?.state !== 'bot' || site.config.bot.kind === 'openai') return false;
  return now.getTime() - copy.lastVisitorActivityAt.getTime() < (site.config.inactivity.botMinutes * 60_000) / 2;
}

/**
 * After each visitor message: decide, then escalate, ask for facts, or let the bot answer. With
 * `pending`, the message's conversation stamps are not written yet (it was decided on this
 * instance's copy): the bot's reply writes them, or they are written before anything else is.
 */
export async function afterVisitorMessage(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  pending: PendingStamps | null = null,
): Promise<void> {
  if (!pending) return decideAndAct(deps, site, visitor, conversation, null);
  try {
    await decideAndAct(deps, site, visitor, conversation, pending);
  } catch (error) {
    // Whatever failed, the message's stamps land (a second write of them changes nothing).
    await settleStamps(deps, conversation._id, pending);
    throw error;
  }
}

async function decideAndAct(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  pending: PendingStamps | null,
): Promise<void> {
  if (!isBotsTurn(site, conversation)) {
    if (pending) await settleStamps(deps, conversation._id, pending);
    return;
  }
  const turns = await loadJudgedTurns(deps, site, conversation);
  const decision = decideHandoff(handoffInput(turns, visitor, conversation), site.config);
  const escalates = decision.escalate && conversation.state === 'bot' && site.config.handoffEnabled;
  if (pending && (escalates || (decision.askForFacts.length > 0 && conversation.state === 'bot'))) {
    // No bot reply will carry the stamps: written first, then decided again on the fresh conversation (the copy may be stale).
    const fresh = await settleStamps(deps, conversation._id, pending);
    if (fresh) await takeUpAgain(deps, site, visitor, fresh, pending);
    return;
  }
  if (escalates) {
    await escalate(deps, site, visitor, conversation, decision, turns);
    return;
  }
  if (decision.askForFacts.length > 0 && conversation.state === 'bot') {
    await askForFacts(deps, site, conversation, decision);
    return;
  }
  const carrying = pending ? { stamps: pending, refused: (fresh: Conversation) => takeUpAgain(deps, site, visitor, fresh, pending) } : null;
  void runBotTurn(deps, site, visitor, conversation, turns, carrying).catch((error) =>
    deps.log.error({ err: error, conversationId: conversation._id, siteId: site._id }, 'bot turn failed'),
  );
}

/**
 * The message decided on a copy, taken up on the conversation as it really is: reopened when it had
 * been resolved before the message was written (the copy did not know yet; writing after a resolution
 * reopens), then decided afresh. Resolved after the message (an operator closing it while the bot was
 * answering), the message belongs to the conversation as it was closed: nothing to take up.
 */
async function takeUpAgain(deps: FlowDeps, site: Site, visitor: Visitor, fresh: Conversation, pending: PendingStamps): Promise<void> {
  if (fresh.state === 'resolved' && fresh.resolvedAt && fresh.resolvedAt.getTime() >= pending.at.getTime()) return;
  const current = await reopenIfResolved(deps, fresh, pending.seq - 1);
  await afterVisitorMessage(deps, site, visitor, current);
}

async function askForFacts(deps: FlowDeps, site: Site, conversation: Conversation, decision: HandoffDecision): Promise<void> {
  const facts = visitorFactList(site, conversation, decision.askForFacts);
  const topic = visitorTopic(site, conversation, decision.intent, decision.topic);
  const text = topic
    ? visitorText(site, conversation, 'factsRequestAbout', { topic, facts })
    : visitorText(site, conversation, 'factsRequest', { facts });
  await postMessage(
    deps,
    conversation,
    { sender: { kind: 'bot' }, text, bot: { confidence: 1, fallback: false, toolError: false, intent: decision.intent } },
    {
      state: 'bot',
      version: conversation.version,
    },
  );
}
