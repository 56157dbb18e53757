import { forceHandoff } from '../domain/forced-handoff';
import { decideHandoff } from '../domain/triggers';
import type { HandoffDecision, Turn } from '../domain/handoff-decision';
import type { ConversationDoc, SiteDoc, VisitorDoc } from '../store/documents';
import type { FlowDeps } from './deps';
import { escalate } from './escalate';
import { postMessage } from './post-message';
import { handoffInput, loadTurns } from './turns';

/** The bot speaks only while it holds the conversation (or, if the site allows, while a person is awaited). */
export function isBotsTurn(site: SiteDoc, conversation: ConversationDoc): boolean {
  return conversation.state === 'bot' || (conversation.state === 'queued' && site.config.botAnswersWhileWaiting);
}

/** After each visitor message: decide, then escalate, ask for facts, or let the bot answer. */
export async function afterVisitorMessage(
  deps: FlowDeps,
  site: SiteDoc,
  visitor: VisitorDoc,
  conversation: ConversationDoc,
): Promise<void> {
  if (!isBotsTurn(site, conversation)) return;
  const turns = await loadTurns(deps, conversation);
  const decision = decideHandoff(handoffInput(turns, visitor), site.config);
  if (decision.escalate && conversation.state === 'bot' && site.config.handoffEnabled) {
    await escalate(deps, site, visitor, conversation, decision, turns);
    return;
  }
  if (decision.askForFacts.length > 0 && conversation.state === 'bot') {
    await askForFacts(deps, conversation, decision);
    return;
  }
  void runBotTurn(deps, site, visitor, conversation, turns).catch((error) =>
    deps.log.error({ err: error, conversationId: conversation._id, siteId: site._id }, 'bot turn failed'),
  );
}

async function askForFacts(deps: FlowDeps, conversation: ConversationDoc, decision: HandoffDecision): Promise<void> {
  const wanted = decision.askForFacts.map(factLabel).join(' and ');
  const about = decision.topic ? ` with ${decision.topic}` : '';
  const text = `So that a person can help you${about}, could you share your ${wanted}?`;
  await postMessage(deps, conversation, { sender: { kind: 'bot' }, text, bot: { confidence: 1, fallback: false, toolError: false, intent: decision.intent } }, {
    state: 'bot',
    version: conversation.version,
  });
}

const factLabel = (fact: string) => fact.replace(/([A-Z])/g, ' $1').toLowerCase();

/**
 * Asks the bot, then posts its reply only if nobody took over meanwhile: the
 * conditional seq allocation on (state, version) discards a reply in flight.
 */
export async function runBotTurn(
  deps: FlowDeps,
  site: SiteDoc,
  visitor: VisitorDoc,
  conversation: ConversationDoc,
  turns: Turn[],
): Promise<void> {
  const controller = new AbortController();
  deps.inFlightBots.get(conversation._id)?.abort();
  deps.inFlightBots.set(conversation._id, controller);
  try {
    const reply = await deps.botFor(site).reply(
      { siteId: site._id, conversationId: conversation._id, turns, visitor: botVisitor(visitor) },
      controller.signal,
    );
    if (controller.signal.aborted) return;
    const botTurn: Turn = {
      from: 'bot',
      text: reply.reply ?? '',
      ...(reply.confidence !== null ? { confidence: reply.confidence } : {}),
      fallback: reply.fallback || reply.handoff,
      toolError: reply.toolError,
      ...(reply.intent ? { intent: reply.intent } : {}),
    };
    let fresh: ConversationDoc | null = null;
    if (reply.reply) {
      const posted = await postMessage(
        deps,
        conversation,
        { sender: { kind: 'bot' }, text: reply.reply, bot: { confidence: reply.confidence, fallback: reply.fallback, toolError: false, intent: reply.intent } },
        { state: conversation.state, version: conversation.version },
      );
      if (!posted) return; // a person took over while the bot was thinking
      fresh = posted.conversation;
    }
    fresh ??= await deps.store.conversations.get(conversation._id);
    if (fresh?.state !== 'bot') return;
    const allTurns = [...turns, botTurn];
    const decided = decideHandoff(handoffInput(allTurns, visitor), site.config);
    const decision = reply.handoff && !decided.escalate ? forceHandoff(decided, 'out_of_scope', 'The bot asked for a person') : decided;
    if (reply.error) deps.log.warn({ conversationId: conversation._id, siteId: site._id, error: reply.error }, 'bot tool failure');
    if (decision.escalate && site.config.handoffEnabled) await escalate(deps, site, visitor, fresh, decision, allTurns);
  } finally {
    if (deps.inFlightBots.get(conversation._id) === controller) deps.inFlightBots.delete(conversation._id);
  }
}

function botVisitor(visitor: VisitorDoc) {
  return {
    name: visitor.identity?.name ?? null,
    email: visitor.identity?.email ?? null,
    verified: visitor.verified,
    tags: visitor.verified ? (visitor.identity?.tags ?? []) : [],
    locale: visitor.context.locale ?? null,
    page: visitor.context.page ?? null,
  };
}
