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

/** The bot speaks only while it holds the conversation (or, if the site allows, while a person is awaited). */
export function isBotsTurn(site: Site, conversation: Conversation): boolean {
  return conversation.state === 'bot' || (conversation.state === 'queued' && site.config.botAnswersWhileWaiting);
}

/**
 * After each visitor message: decide, then escalate, ask for facts, or let the bot answer. With
 * `pending`, the message's conversation stamps are not written yet (it was decided on this
 * instance's copy): the bot's reply writes them, or they are written here before anything else.
 */
export async function afterVisitorMessage(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  pending: PendingStamps | null = null,
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
    if (fresh) await afterVisitorMessage(deps, site, visitor, fresh);
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
  void runBotTurn(deps, site, visitor, conversation, turns, pending).catch((error) =>
    deps.log.error({ err: error, conversationId: conversation._id, siteId: site._id }, 'bot turn failed'),
  );
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
