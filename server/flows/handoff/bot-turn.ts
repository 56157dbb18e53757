import type { BotReply } from '../../bot/bot';
import { forceHandoff } from '../../domain/forced-handoff';
import type { Turn } from '../../domain/handoff-decision';
import { decideHandoff } from '../../domain/triggers';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { addBotFacts } from './case-for';
import type { FlowDeps } from '../../composition';
import { escalate } from './escalate';
import { postMessage } from './post-message';
import { handoffInput } from './turns';
import { conversationLocale, visitorText } from './visitor-texts';

/**
 * Asks the bot, then posts its reply only if nobody took over meanwhile: the
 * conditional seq allocation on (state, version) discards a reply in flight.
 */
export async function runBotTurn(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  turns: Turn[],
): Promise<void> {
  const controller = new AbortController();
  deps.inFlightBots.get(conversation._id)?.abort();
  deps.inFlightBots.set(conversation._id, controller);
  try {
    const reply = await deps.botFor(site).reply(
      {
        siteId: site._id,
        conversationId: conversation._id,
        turns,
        visitor: botVisitor(visitor),
        locale: conversationLocale(conversation),
        // Read at each turn, so an admin's edit of the hours changes the next answer.
        hours: { schedule: site.config.hours, now: deps.clock.now(), visitorTimeZone: visitor.context.timeZone ?? null },
      },
      controller.signal,
    );
    if (controller.signal.aborted) return;
    if (reply.error) deps.log.warn({ conversationId: conversation._id, siteId: site._id, error: reply.error }, 'bot tool failure');
    const known = Object.keys(reply.facts).length > 0 ? await addBotFacts(deps, conversation._id, reply.facts) : null;
    const facts = known?.facts ?? conversation.facts;
    const botTurn = turnOf(reply);
    const decided = decideHandoff(handoffInput([...turns, botTurn], visitor, { facts }), site.config);
    const decision = reply.handoff && !decided.escalate ? forceHandoff(decided, 'out_of_scope', 'The bot asked for a person') : decided;
    let fresh: Conversation | null = null;
    if (reply.reply) {
      // Low confidence in 'offer' mode: the offer goes out with the answer, in the visitor's language.
      botTurn.text = decision.offerHuman ? `${reply.reply}\n\n${visitorText(site, conversation, 'offerPerson')}` : reply.reply;
      const bot = { confidence: reply.confidence, fallback: reply.fallback, toolError: reply.toolError, intent: reply.intent };
      const posted = await postMessage(deps, conversation, { sender: { kind: 'bot' }, text: botTurn.text, bot }, {
        state: conversation.state,
        version: conversation.version,
      });
      if (!posted) return; // a person took over while the bot was thinking
      fresh = posted.conversation;
    }
    fresh ??= await deps.store.conversations.get(conversation._id);
    if (fresh?.state !== 'bot') return;
    if (decision.escalate && site.config.handoffEnabled) await escalate(deps, site, visitor, fresh, decision, [...turns, botTurn]);
  } finally {
    if (deps.inFlightBots.get(conversation._id) === controller) deps.inFlightBots.delete(conversation._id);
  }
}

function turnOf(reply: BotReply): Turn {
  return {
    from: 'bot',
    text: reply.reply ?? '',
    ...(reply.confidence !== null ? { confidence: reply.confidence } : {}),
    fallback: reply.fallback || reply.handoff,
    ...(reply.unsure ? { unsure: true } : {}),
    toolError: reply.toolError,
    ...(reply.error ? { error: reply.error } : {}),
    ...(reply.intent ? { intent: reply.intent } : {}),
  };
}

function botVisitor(visitor: Visitor) {
  return {
    name: visitor.identity?.name ?? null,
    email: visitor.identity?.email ?? null,
    verified: visitor.verified,
    tags: visitor.verified ? (visitor.identity?.tags ?? []) : [],
    locale: visitor.context.locale ?? null,
    page: visitor.context.page ?? null,
  };
}
