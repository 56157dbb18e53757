import type { HandoffInput, Turn } from '../../domain/handoff-decision';
import type { Conversation } from '../../entities/conversation';
import type { Message } from '../../entities/message';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import type { FlowDeps } from '../../composition';

/** Long conversations are judged on their recent part; older turns rarely change the decision. */
const MAX_TURNS = 60;

export function toTurn(m: Message): Turn | null {
  if (m.sender.kind === 'visitor') return { from: 'visitor', text: m.text };
  if (m.sender.kind !== 'bot') return null;
  return {
    from: 'bot',
    text: m.text,
    ...(m.bot?.confidence != null ? { confidence: m.bot.confidence } : {}),
    fallback: m.bot?.fallback ?? false,
    toolError: m.bot?.toolError ?? false,
    ...(m.bot?.intent ? { intent: m.bot.intent } : {}),
  };
}

/** The turns the trigger engine reads: since the bot last (re)took the conversation. */
export async function loadTurns(deps: FlowDeps, conversation: Conversation): Promise<Turn[]> {
  const recent = await deps.store.messages.recent(conversation._id, MAX_TURNS);
  return recent
    .filter((m) => m.seq > conversation.botSinceSeq)
    .map(toTurn)
    .filter((t): t is Turn => t !== null);
}

/** The turns with their meanings when the semantic layer answers in time; otherwise as they are (rules only). */
export async function loadJudgedTurns(deps: FlowDeps, site: Site, conversation: Conversation): Promise<Turn[]> {
  return deps.meanings.attach(site, await loadTurns(deps, conversation));
}

/** Tags and attributes count only from a verified identity: anyone can claim to be VIP. */
export function handoffInput(turns: Turn[], visitor: Visitor, conversation: Pick<Conversation, 'facts'>): HandoffInput {
  return {
    turns,
    visitor: {
      verified: visitor.verified,
      tags: visitor.verified ? (visitor.identity?.tags ?? []) : [],
      attributes: visitor.verified ? (visitor.identity?.attributes ?? {}) : {},
      locale: visitor.context.locale ?? 'en',
      ...(visitor.context.page ? { page: visitor.context.page } : {}),
    },
    // What the visitor told us through identify(), or the bot found out (its reported facts), is not asked for again.
    facts: { ...(visitor.identity?.email ? { email: visitor.identity.email } : {}), ...conversation.facts },
  };
}
