import { restatedFacts } from '../../domain/repeat-explanation';
import { markEpisode } from './episode-record';
import { markSemanticRestatement } from './semantic-restatement';
import type { CasePackage } from '../../../shared/case-package';
import {
  buildCasePackage,
  type CaseUpdate,
  correctIntent as correctCaseIntent,
  refreshCasePackage,
  withModelNotes,
} from '../../domain/case-package';
import { mergeFacts } from '../../domain/facts';
import type { HandoffDecision, Turn } from '../../domain/handoff-decision';
import { ownedByAnother } from '../../domain/ownership';
import type { Conversation } from '../../entities/conversation';
import type { Operator } from '../../entities/operator';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { operatorActor, recordAudit } from './audit';
import type { FlowDeps } from '../../composition';
import { toSummary } from './wire';
import { conversationLocale } from './visitor-texts';

export async function buildCaseFor(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  decision: HandoffDecision,
  turns: Turn[],
): Promise<CasePackage> {
  const earlier = await deps.store.conversations.countForVisitor(visitor._id);
  const identity = visitor.identity;
  return buildCasePackage({
    decision,
    turns,
    visitor: {
      name: identity?.name ?? null,
      email: identity?.email ?? null,
      verified: visitor.verified,
      locale: visitor.context.locale ?? null,
      timeZone: visitor.context.timeZone ?? null,
      page: visitor.context.page ?? null,
      referrer: visitor.context.referrer ?? null,
      tags: visitor.verified ? (identity?.tags ?? []) : [],
      attributes: visitor.verified ? (identity?.attributes ?? {}) : {},
    },
    earlierConversations: Math.max(0, earlier - 1),
    facts: conversation.facts,
    tone: site.config.replyTone,
    now: deps.clock.now().toISOString(),
  });
}

/**
 * A site whose AI agent writes case notes: the model's summary (unless its hand_off already gave
 * one) and first reply, in the site's tone and the visitor's language, replace the templates on the
 * waiting case. Any failure keeps the templates; it is logged, never shown as the case.
 */
export async function writeModelCaseNotes(
  deps: FlowDeps,
  site: Site,
  conversation: Conversation,
  decision: HandoffDecision,
  turns: Turn[],
): Promise<void> {
  const bot = deps.botFor(site);
  if (!bot.caseNotes) return;
  try {
    const notes = await bot.caseNotes({
      siteId: site._id,
      turns,
      locale: conversationLocale(conversation),
      tone: site.config.replyTone,
      reasons: decision.triggers.map((t) => `${t.trigger}: ${t.evidence}`),
    });
    if (!notes) return;
    const current = await deps.store.conversations.get(conversation._id);
    if (!current?.casePackage || (current.state !== 'queued' && current.state !== 'owned')) return;
    const keepSummary = current.casePackage.modelNotes?.summary;
    const casePackage = withModelNotes(
      current.casePackage,
      { summary: keepSummary ?? notes.summary, suggestedReply: notes.suggestedReply },
      deps.clock.now().toISOString(),
    );
    const updated = await deps.store.conversations.patch(conversation._id, { casePackage });
    if (updated) deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
  } catch (err) {
    deps.log.warn(
      { conversationId: conversation._id, err: err instanceof Error ? err.message : String(err) },
      'model case notes failed; the templates stay',
    );
  }
}

/** A visitor message after the handoff may bring the missing facts: the operator sees them at once. */
export async function refreshCaseWith(deps: FlowDeps, conversation: Conversation, turn: Turn): Promise<void> {
  await refreshCase(deps, conversation, { turns: [turn] });
}

async function refreshCase(deps: FlowDeps, conversation: Conversation, update: CaseUpdate): Promise<Conversation | null> {
  if (!conversation.casePackage || (conversation.state !== 'queued' && conversation.state !== 'owned')) return null;
  const restated = update.turns?.some((t) => t.from === 'visitor' && restatedFacts(t.text, conversation.facts).length > 0) ?? false;
  if (restated) await markEpisode(deps, conversation._id, { visitorRestated: true });
  else {
    // Facts did not show a restatement; meaning may, in the background (never holding up the message).
    const said = update.turns?.find((t) => t.from === 'visitor')?.text;
    if (said) void markSemanticRestatement(deps, conversation, said);
  }
  const refreshed = refreshCasePackage(conversation.casePackage, update, deps.clock.now().toISOString());
  const updated = await deps.store.conversations.patch(conversation._id, {
    casePackage: refreshed,
    facts: refreshed.facts,
    missingFacts: refreshed.missingFacts,
  });
  if (updated) deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
  return updated;
}

/**
 * Facts the bot reported (a webhook bot's order lookup): kept on the conversation, where the
 * engine and the case package read them, and added to a case package already waiting.
 */
export async function addBotFacts(deps: FlowDeps, conversationId: string, facts: Record<string, string>): Promise<Conversation | null> {
  const current = await deps.store.conversations.get(conversationId);
  if (!current || Object.keys(facts).length === 0) return current;
  const refreshed = await refreshCase(deps, current, { facts });
  return refreshed ?? (await deps.store.conversations.patch(conversationId, { facts: mergeFacts(current.facts, facts) }));
}

/** Operators' corrections are recorded, so the share of wrong intents can be measured. Only the owner corrects an owned case. */
export async function correctIntent(
  deps: FlowDeps,
  operator: Operator,
  conversation: Conversation,
  intent: string,
): Promise<
  | { ok: true; conversation: Conversation }
  | { ok: false; code: 'already_claimed'; message: string; owner: NonNullable<Conversation['owner']> }
> {
  if (ownedByAnother(conversation, operator._id) && conversation.owner) {
    return {
      ok: false,
      code: 'already_claimed',
      message: `Claimed by ${conversation.owner.name}: only they can correct the intent.`,
      owner: conversation.owner,
    };
  }
  const now = deps.clock.now();
  const casePackage = conversation.casePackage
    ? correctCaseIntent(conversation.casePackage, intent, operator.name, now.toISOString())
    : null;
  const patched = (await deps.store.conversations.patch(conversation._id, { intent, casePackage })) ?? conversation;
  const updated = (await markEpisode(deps, conversation._id, { intentCorrectedTo: intent })) ?? patched;
  await recordAudit(deps, {
    siteId: conversation.siteId,
    conversationId: conversation._id,
    action: 'intent_corrected',
    actor: operatorActor(operator),
    reasons: [intent],
    evidence: [`was ${conversation.intent ?? 'unknown'}`],
  });
  deps.hub.toSite(updated.siteId, { type: 'conversation_updated', conversation: toSummary(updated) });
  return { ok: true, conversation: updated };
}
