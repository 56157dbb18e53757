import { askedHeldFacts } from '../../domain/repeat-explanation';
import { markEpisode } from '../handoff/episode-record';
import type { AttachmentRef } from '../../../shared/attachments';
import type { OwnershipCommand } from '../../domain/ownership';
import type { Conversation } from '../../entities/conversation';
import type { Operator } from '../../entities/operator';
import { operatorActor } from '../handoff/audit';
import { announceOperator } from '../handoff/announce';
import { acceptOffer, offerAllQueues } from '../handoff/auto-assign';
import type { FlowDeps } from '../../composition';
import { pageOwner } from '../handoff/operator-pages';
import { postMessage } from '../handoff/post-message';
import { publishQueueViews, publishVisitorView } from '../handoff/queue-views';
import { type TransitionResult, applyTransition } from '../handoff/transition';
import { visitorText } from '../handoff/visitor-texts';
import { operatorBadge } from '../handoff/wire';

export type ActionResult = TransitionResult;

/** Claim, barge in, transfer, return to bot, resolve: one transition, then tell the visitor. */
export async function runOperatorAction(
  deps: FlowDeps,
  operator: Operator,
  conversationId: string,
  command: OwnershipCommand,
  note: string | null = null,
  /** The conversation as the caller just read it (the access check): not read a second time. */
  readJustNow: Conversation | null = null,
): Promise<ActionResult> {
  const before = readJustNow?._id === conversationId ? readJustNow : await deps.store.conversations.get(conversationId);
  // Back with the bot, triggers read only what comes next: an old "agent please" must not re-escalate.
  const set = command.type === 'return_to_bot' ? { handoffTopic: null, missingFacts: [], botSinceSeq: before?.lastSeq ?? 0 } : {};
  if (command.type === 'claim' && before?.offer?.operatorId === operator._id) {
    const accepted = await acceptOffer(deps, before, operator);
    if (accepted) return { ok: true, conversation: accepted, previous: before };
  }
  // The audit says where a transfer went, not only that it happened.
  const reasons =
    command.type !== 'transfer' ? [] : 'toQueue' in command ? [`to_queue:${command.toQueue}`] : [`to_operator:${command.toOperator.name}`];
  const result = await applyTransition(deps, conversationId, command, operatorActor(operator), {
    note,
    set,
    reasons,
    ...(before ? { current: before } : {}),
  });
  if (result.ok) {
    if (command.type === 'transfer' && 'toOperator' in command) pageOwner(deps, 'transfer', result.conversation);
    await tellVisitor(deps, result);
    // Whoever held it before has capacity again (resolve, return, transfer to a queue or to a colleague).
    const freed = result.previous.owner !== null && result.previous.owner.operatorId !== result.conversation.owner?.operatorId;
    if (freed || result.conversation.state !== 'owned') await offerAllQueues(deps, result.conversation.siteId);
  }
  return result;
}

/** Saying nothing when control changes is a mistake the guide names: every change gets a notice. */
export async function tellVisitor(deps: FlowDeps, result: Extract<TransitionResult, { ok: true }>): Promise<void> {
  const { conversation, previous } = result;
  const site = await deps.store.sites.get(conversation.siteId);
  if (!site) return;
  const system = { kind: 'system' as const };
  const ownerChanged = conversation.owner && conversation.owner.operatorId !== previous.owner?.operatorId;
  if (conversation.state === 'owned' && ownerChanged && !conversation.offer) {
    await announceOperator(deps, site, conversation, conversation.owner!.name);
  } else if (conversation.state === 'bot' && previous.state !== 'bot') {
    await postMessage(deps, conversation, { sender: system, text: visitorText(site, conversation, 'returnedToBot') });
    deps.hub.toVisitor(conversation.visitorId, { type: 'returned_to_bot' });
  } else if (conversation.state === 'resolved') {
    await postMessage(deps, conversation, { sender: system, text: visitorText(site, conversation, 'resolved') });
    deps.hub.toVisitor(conversation.visitorId, { type: 'conversation_resolved' });
  }
  await publishVisitorView(deps, site, conversation);
  for (const queue of new Set([previous.queue, conversation.queue])) {
    if (queue) await publishQueueViews(deps, site, queue);
  }
}

export async function replyAsOperator(
  deps: FlowDeps,
  operator: Operator,
  conversationId: string,
  input: { clientMessageId: string; text: string; attachment?: AttachmentRef },
): Promise<
  | { ok: true; conversation: Conversation }
  | { ok: false; code: 'already_claimed'; message: string; owner: { operatorId: string; name: string } }
  | { ok: false; code: 'not_found' | 'transition_not_allowed'; message: string }
> {
  const conversation = await deps.store.conversations.get(conversationId);
  if (!conversation) return { ok: false, code: 'not_found', message: 'No conversation with that id.' };
  if (conversation.offer?.operatorId === operator._id) await acceptOffer(deps, conversation, operator);
  // Only the owner writes: the filter re-checks ownership at the moment the seq is taken.
  const posted = await postMessage(
    deps,
    conversation,
    {
      sender: { kind: 'operator', id: operator._id, name: operatorBadge(operator.name).name },
      text: input.text,
      clientMessageId: input.clientMessageId,
      ...(input.attachment ? { attachment: input.attachment } : {}),
    },
    { state: 'owned', ownerId: operator._id },
  );
  if (posted) {
    const now = posted.conversation ?? (await deps.store.conversations.get(conversationId)) ?? conversation;
    const repliedAt = deps.clock.now();
    const asked = askedHeldFacts(input.text, conversation.facts).length > 0;
    const marked = await markEpisode(deps, conversationId, {
      firstHumanReplyAt: repliedAt,
      operatorId: operator._id,
      operatorAsked: asked,
    });
    return { ok: true, conversation: marked ?? now };
  }
  const fresh = await deps.store.conversations.get(conversationId);
  if (fresh?.state === 'owned' && fresh.owner) {
    return { ok: false, code: 'already_claimed', message: `Claimed by ${fresh.owner.name}: only they can reply.`, owner: fresh.owner };
  }
  return { ok: false, code: 'transition_not_allowed', message: 'Claim the conversation before replying.' };
}
