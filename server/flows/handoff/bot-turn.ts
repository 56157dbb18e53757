import type { BotReply } from '../../bot/bot';
import { botReplyText, replyStepOf } from '../../domain/bot-reply-text';
import { forceHandoff } from '../../domain/forced-handoff';
import type { Turn } from '../../domain/handoff-decision';
import { decideHandoff } from '../../domain/triggers';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { addBotFacts } from './case-for';
import type { FlowDeps } from '../../composition';
import { escalate } from './escalate';
import { type PendingStamps, postMessage, settleStamps } from './post-message';
import { handoffInput } from './turns';
import { conversationLocale, visitorText } from './visitor-texts';
import type { WidgetLocale } from '../../../shared/widget-locales';
import { interruptedAnswer } from '../../domain/agent/interrupted';

/**
 * Asks the bot, then posts its reply only if nobody took over meanwhile: the
 * conditional seq allocation on (state, version) discards a reply in flight.
 */
export function runBotTurn(...args: Parameters<typeof answer>): Promise<void> {
  const [deps] = args;
  const running = answer(...args);
  const forget = (): void => void deps.runningBotTurns.delete(running);
  deps.runningBotTurns.add(running);
  running.then(forget, forget);
  return running;
}

/**
 * On the way out: stops every bot answer (each keeps what the visitor saw, marked interrupted) and
 * waits, at most `withinMs`, for them to write it and their deferred stamps while the database is open.
 * An answer a message still being handled starts meanwhile is stopped and waited for too.
 */
export async function stopBotTurns(deps: FlowDeps, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (deps.runningBotTurns.size > 0 && Date.now() < deadline) {
    for (const bot of deps.inFlightBots.values()) bot.abort();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    });
    await Promise.race([Promise.allSettled([...deps.runningBotTurns]), late]);
    clearTimeout(timer);
  }
  for (const bot of deps.inFlightBots.values()) bot.abort();
}

async function answer(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  turns: Turn[],
  /**
   * A visitor message decided on this instance's copy: its stamps, written with the reply (or on the
   * way out when there is none), and what to do when the reply is refused (the copy was stale).
   */
  carrying: { stamps: PendingStamps; refused: (fresh: Conversation) => Promise<void> } | null = null,
): Promise<void> {
  let unstamped = carrying?.stamps ?? null;
  const controller = new AbortController();
  deps.inFlightBots.get(conversation._id)?.abort();
  deps.inFlightBots.set(conversation._id, controller);
  const locale = conversationLocale(conversation);
  const stream = answerStream(deps, conversation, controller.signal);
  try {
    let reply: BotReply;
    try {
      reply = await deps.botFor(site).reply(
        {
          siteId: site._id,
          conversationId: conversation._id,
          turns,
          visitor: botVisitor(visitor),
          locale,
          // Read at each turn, so an admin's edit of the hours changes the next answer.
          hours: { schedule: site.config.hours, now: deps.clock.now(), visitorTimeZone: visitor.context.timeZone ?? null },
          handoffEnabled: site.config.handoffEnabled,
        },
        controller.signal,
        stream.onText,
      );
    } catch (err) {
      // A barge-in, claim or handoff aborted the answer: what the visitor saw is kept, marked as cut off.
      if (controller.signal.aborted) return await stream.interrupt(locale);
      throw err;
    }
    if (controller.signal.aborted) return await stream.interrupt(locale);
    if (reply.error) deps.log.warn({ conversationId: conversation._id, siteId: site._id, error: reply.error }, 'bot tool failure');
    // A stream that broke off (a tool failure after some tokens) ends as an interrupted answer before the handoff.
    if (reply.reply === null) await stream.interrupt(locale);
    const known = Object.keys(reply.facts).length > 0 ? await addBotFacts(deps, conversation._id, reply.facts) : null;
    const facts = known?.facts ?? conversation.facts;
    const botTurn = turnOf(reply);
    const judged = await deps.meanings.attach(site, [...turns, botTurn]);
    const decided = decideHandoff(handoffInput(judged, visitor, { facts }), site.config);
    const asked = reply.handoffReason ? `The bot asked for a person: ${reply.handoffReason}` : 'The bot asked for a person';
    const decision = reply.handoff && !decided.escalate ? forceHandoff(decided, 'out_of_scope', asked) : decided;
    let fresh: Conversation | null = null;
    if (reply.reply) {
      const handsOver = conversation.state === 'bot' && site.config.handoffEnabled;
      const awaitingPerson = conversation.state === 'queued';
      // A bot that asked for a person itself has said what happens next.
      const step = reply.handoff && !reply.fallback ? 'as_is' : replyStepOf(decision, { handsOver, awaitingPerson });
      botTurn.text = botReplyText({ text: reply.reply, fallback: reply.fallback }, step, (key) => visitorText(site, conversation, key));
      const bot = { confidence: reply.confidence, fallback: reply.fallback, toolError: reply.toolError, intent: reply.intent };
      const posted = await postMessage(
        deps,
        conversation,
        { sender: { kind: 'bot' }, text: botTurn.text, bot },
        {
          state: conversation.state,
          version: conversation.version,
        },
        undefined,
        { carrying: unstamped },
      );
      if (!posted) {
        await stream.interrupt(locale); // a person took over while the bot was finishing
        if (!carrying) return;
        unstamped = null;
        const fresh = await settleStamps(deps, conversation._id, carrying.stamps);
        if (fresh) await carrying.refused(fresh);
        return;
      }
      unstamped = null;
      stream.completed();
      fresh = posted.conversation;
    }
    if (unstamped) {
      fresh = await settleStamps(deps, conversation._id, unstamped);
      unstamped = null;
    }
    fresh ??= await deps.store.conversations.get(conversation._id);
    if (fresh?.state !== 'bot') return;
    if (decision.escalate && site.config.handoffEnabled) {
      await escalate(
        deps,
        site,
        visitor,
        fresh,
        decision,
        [...judged.slice(0, -1), botTurn],
        reply.summary ? { agentSummary: reply.summary } : {},
      );
    }
  } finally {
    if (deps.inFlightBots.get(conversation._id) === controller) deps.inFlightBots.delete(conversation._id);
    if (unstamped) await settleStamps(deps, conversation._id, unstamped);
  }
}

/**
 * The visitor's view of an answer being generated: each piece goes out as a bot_delta until the
 * answer is aborted, and not one piece after. An answer that never finishes is stored as what the
 * visitor saw, marked as interrupted, so the transcript and the operator see the same thing.
 */
function answerStream(deps: FlowDeps, conversation: Conversation, signal: AbortSignal) {
  const streamId = deps.newId();
  let shown = '';
  let ended = false;
  const end = (interrupted: boolean) => {
    if (ended || shown === '') return false;
    ended = true;
    deps.hub.toVisitor(conversation.visitorId, { type: 'bot_stream_ended', streamId, interrupted });
    return true;
  };
  return {
    onText(delta: string) {
      if (signal.aborted || ended) return;
      deps.hub.toVisitor(conversation.visitorId, { type: 'bot_delta', streamId, at: shown.length, text: delta });
      shown += delta;
    },
    completed: () => void end(false),
    async interrupt(locale: WidgetLocale): Promise<void> {
      const text = shown;
      if (!end(true)) return;
      const bot = { confidence: null, fallback: false, toolError: false, intent: null, interrupted: true };
      await postMessage(deps, conversation, { sender: { kind: 'bot' }, text: interruptedAnswer(text, locale), bot });
    },
  };
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
