import type { Actor } from '../../../shared/audit';
import type { HandoffDecision, Turn } from '../../domain/handoff-decision';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { offerWaiting } from './auto-assign';
import { callbackOfferFor, loadAvailability } from './availability';
import { buildCaseFor, writeModelCaseNotes } from './case-for';
import { withModelNotes } from '../../domain/case-package';
import type { FlowDeps } from '../../composition';
import { markEpisode } from './episode-record';
import { publishQueueViews, visitorViewFor } from './queue-views';
import { applyTransition } from './transition';
import { publishHandoff } from './operator-pages';
import { postMessage } from './post-message';
import { visitorText, visitorTopic } from './visitor-texts';

/** Hands the conversation to people: queue it with its case, tell the visitor why, page the team. */
export async function escalate(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  conversation: Conversation,
  decision: HandoffDecision,
  turns: Turn[],
  options: { agentSummary?: string } = {},
): Promise<Conversation | null> {
  const actor: Actor = decision.primaryTrigger === 'human_request' ? { kind: 'visitor' } : { kind: 'bot' };
  const built = await buildCaseFor(deps, site, visitor, conversation, decision, turns);
  // An AI agent that handed off wrote its own two lines for the colleague; the template's stay the fallback.
  const summary = options.agentSummary ? agentSummaryLines(options.agentSummary, built.summary) : null;
  const casePackage = summary ? withModelNotes(built, { summary }, deps.clock.now().toISOString()) : built;
  const result = await applyTransition(deps, conversation._id, { type: 'escalate', queue: decision.queue }, actor, {
    current: conversation,
    set: {
      urgency: decision.urgency,
      triggers: decision.triggers.map((t) => t.trigger),
      firedTriggers: decision.triggers,
      handoffTopic: decision.topic,
      intent: decision.intent,
      missingFacts: decision.missingFacts,
      facts: { ...conversation.facts, ...decision.facts },
      casePackage,
    },
    reasons: decision.triggers.map((t) => t.trigger),
    evidence: decision.triggers.map((t) => t.evidence),
  });
  if (!result.ok) {
    deps.log.info({ conversationId: conversation._id, code: result.code }, 'escalation skipped');
    return null;
  }
  const escalated = result.conversation;
  // The team hears of it first: availability, the visitor's notice and the queue views follow.
  await publishHandoff(deps, site, escalated);
  const availability = await loadAvailability(deps, site, decision.queue);
  const offer = callbackOfferFor(availability, deps.clock.now());
  // Closed, or nobody online: the transcript says so and offers a callback; "connecting" would be a fake promise.
  const lead = offer
    ? `${visitorText(site, escalated, offer.reason === 'closed' ? 'outsideHours' : 'nobodyAvailable')} ${visitorText(site, escalated, 'callbackOffer')}`
    : visitorText(site, escalated, 'connecting');
  // The case and the operators keep the site's one label; the visitor reads it in their language.
  const topic = visitorTopic(site, escalated, decision.intent, decision.topic);
  const text = topic ? `${lead} ${visitorText(site, escalated, 'connectingAbout', { topic })}` : lead;
  await postMessage(deps, escalated, { sender: { kind: 'system' }, text });
  deps.hub.toVisitor(escalated.visitorId, { type: 'handoff_started', topic, missingFacts: decision.missingFacts });
  await publishQueueViews(deps, site, decision.queue, availability);
  // The first wait the visitor was promised, kept in the episode beside the wait they got.
  const shown = (await visitorViewFor(deps, site, escalated)).estimate;
  if (shown) await markEpisode(deps, escalated._id, { waitEstimateShown: shown });
  await offerWaiting(deps, site, decision.queue);
  // Not awaited: the handoff is not held up by a model call; the notes replace the templates when they arrive.
  void writeModelCaseNotes(deps, site, escalated, decision, turns);
  return escalated;
}

function agentSummaryLines(text: string, template: [string, string]): [string, string] {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return template;
  return [lines[0]!.slice(0, 300), (lines.slice(1).join(' ') || template[1]).slice(0, 300)];
}
