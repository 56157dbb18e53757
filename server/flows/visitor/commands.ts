import type { Identity } from '../../../shared/entities';
import type { VisitorCommand } from '../../../shared/visitor-protocol';
import { forceHandoff } from '../../domain/forced-handoff';
import { decideHandoff } from '../../domain/triggers';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { requestCallback } from './request-callback';
import { refreshCaseWith } from '../handoff/case-for';
import { rateEpisode, renameOnEpisodeRows } from '../handoff/episode-record';
import type { FlowDeps } from '../../composition';
import { escalate } from '../handoff/escalate';
import { isIdentityVerified } from '../../security/identity-hash';
import { postMessage } from '../handoff/post-message';
import { publishVisitorView } from '../handoff/queue-views';
import { toSummary } from '../handoff/wire';
import { handoffInput, loadJudgedTurns } from '../handoff/turns';
import { afterVisitorMessage, mayDeferStamps } from './turn';
import { conversationIdsFor, conversationToWriteIn, reopenIfResolved, resolveVisitor } from './session';
import type { CommandOutcome } from './command-outcome';

export type { CommandOutcome };

export async function sendVisitorMessage(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  input: { clientMessageId: string; text: string },
): Promise<CommandOutcome> {
  const conversation = await conversationIdsFor(deps, site, visitor, { onPage: true });
  // The bot holds it (as far as this instance's copy knows): its reply will stamp the conversation for both messages.
  const copy = deps.store.conversations.copyOf(conversation._id);
  // Reopened (when it was resolved) before the message is announced, as the conversation it now belongs to.
  const posted = await postMessage(
    deps,
    conversation,
    { sender: { kind: 'visitor' }, text: input.text, clientMessageId: input.clientMessageId },
    {},
    (stored, message) => reopenIfResolved(deps, stored, message.seq - 1),
    { deferOn: mayDeferStamps(site, copy, deps.clock.now()) ? copy : null },
  );
  if (posted?.duplicate) return { kind: 'duplicate', message: posted.message };
  if (!posted?.conversation) return { kind: 'refused', code: 'internal', message: 'The message could not be stored; send it again.' };
  const current = posted.conversation;
  await refreshCaseWith(deps, current, { from: 'visitor', text: input.text });
  await afterVisitorMessage(deps, site, visitor, current, posted.pending ?? null);
  return { kind: 'ok' };
}

/** The "Talk to a person" button: always confirmed, never "are you sure?". */
export async function requestHuman(deps: FlowDeps, site: Site, visitor: Visitor): Promise<CommandOutcome> {
  if (!site.config.handoffEnabled)
    return { kind: 'refused', code: 'transition_not_allowed', message: 'This site does not hand conversations to people.' };
  const conversation = await conversationToWriteIn(deps, site, visitor, { onPage: true });
  if (conversation.state !== 'bot') {
    await publishVisitorView(deps, site, conversation);
    return { kind: 'ok' };
  }
  const turns = await loadJudgedTurns(deps, site, conversation);
  const decision = forceHandoff(
    decideHandoff(handoffInput(turns, visitor, conversation), site.config),
    'human_request',
    'Pressed "Talk to a person"',
  );
  await escalate(deps, site, visitor, conversation, decision, turns);
  return { kind: 'ok' };
}

export async function identifyVisitor(deps: FlowDeps, site: Site, visitor: Visitor, identity: Identity): Promise<CommandOutcome> {
  const verified = isIdentityVerified(identity, site.secret);
  const { userHash: _ignored, ...kept } = identity;
  // Unverified: name and email are kept for the operator, tags and attributes are not trusted.
  const stored = verified ? kept : { id: kept.id, name: kept.name, email: kept.email };
  // A shared browser: someone else proved who they are. They must not see the earlier person's
  // conversations, so they become a new visitor (the old one and its transcript stay with their owner).
  if (verified && visitor.identity?.id && visitor.identity.id !== identity.id) {
    const fresh = await resolveVisitor(deps, site, undefined);
    const renamed = (await deps.store.visitors.setIdentity(fresh.visitor._id, stored, true)) ?? fresh.visitor;
    return { kind: 'new_visitor', visitor: renamed, token: fresh.token };
  }
  const updated = (await deps.store.visitors.setIdentity(visitor._id, stored, verified)) ?? visitor;
  const conversation = await deps.store.conversations.latestForVisitor(visitor._id);
  if (conversation && identity.name && identity.name !== conversation.visitorName) {
    await deps.store.conversations.patch(conversation._id, { visitorName: identity.name });
    await renameOnEpisodeRows(deps, conversation._id, identity.name);
  }
  if (verified && conversation?.state === 'bot') {
    const turns = await loadJudgedTurns(deps, site, conversation);
    const decision = decideHandoff(handoffInput(turns, updated, conversation), site.config);
    if (decision.escalate && turns.length > 0) await escalate(deps, site, updated, conversation, decision, turns);
  }
  return { kind: 'identity', verified, visitor: updated };
}

export async function runVisitorCommand(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  command: Exclude<VisitorCommand, { type: 'hello' | 'resume' | 'ping' }>,
): Promise<CommandOutcome> {
  switch (command.type) {
    case 'send_message':
      return sendVisitorMessage(deps, site, visitor, command);
    case 'request_human':
      return requestHuman(deps, site, visitor);
    case 'identify':
      return identifyVisitor(deps, site, visitor, command.identity);
    case 'request_callback':
      return requestCallback(deps, site, visitor, command);
    case 'rate':
      return rateConversation(deps, site, visitor, command.score, command.comment ?? null);
    case 'typing': {
      const conversation = await deps.store.conversations.latestForVisitor(visitor._id);
      if (conversation?.state === 'owned') {
        deps.hub.toSite(site._id, { type: 'visitor_typing', conversationId: conversation._id, isTyping: command.isTyping });
      }
      return { kind: 'ok' };
    }
  }
}

async function rateConversation(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  score: number,
  comment: string | null,
): Promise<CommandOutcome> {
  const conversation = await deps.store.conversations.latestForVisitor(visitor._id);
  if (conversation?.state !== 'resolved') {
    return { kind: 'refused', code: 'transition_not_allowed', message: 'Only a resolved conversation can be rated.' };
  }
  const rating = { score, comment, at: deps.clock.now() };
  const rated = await rateEpisode(deps, conversation._id, rating);
  if (!rated) return { kind: 'ok' };
  // The widget thanks the visitor only once this view says rated (every tab of theirs hears it).
  await publishVisitorView(deps, site, rated);
  // Operators with the conversation open (or in the Resolved list) see the rating at once.
  deps.hub.toSite(site._id, { type: 'conversation_updated', conversation: toSummary(rated) });
  return { kind: 'ok' };
}
