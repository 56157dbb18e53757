import { formatInTimeZone } from 'date-fns-tz';
import type { CallbackContact, CallbackSlot } from '../../../shared/entities';
import type { Callback } from '../../entities/callback';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import { callbackOfferFor, loadAvailability } from '../handoff/availability';
import type { FlowDeps } from '../../composition';
import { postMessage } from '../handoff/post-message';
import { publishQueueViews, publishVisitorView } from '../handoff/queue-views';
import { applyTransition } from '../handoff/transition';
import type { CommandOutcome } from './command-outcome';
import { visitorText } from '../handoff/visitor-texts';
import { toWireCallback } from '../handoff/wire';

/** A slot must be one we offer right now; no slot means "leave a message, contact me when you can". */
export async function requestCallback(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  input: { slot?: CallbackSlot; contact: CallbackContact; note?: string },
): Promise<CommandOutcome> {
  const conversation = await deps.store.conversations.latestForVisitor(visitor._id);
  if (conversation?.state !== 'queued' || !conversation.queue) {
    return { kind: 'refused', code: 'transition_not_allowed', message: 'A callback can be booked while you wait for a person.' };
  }
  const now = deps.clock.now();
  if (input.slot) {
    const offer = callbackOfferFor(await loadAvailability(deps, site, conversation.queue), now);
    const offered = offer?.slots.some((s) => Date.parse(s.start) === Date.parse(input.slot!.start));
    if (!offered)
      return {
        kind: 'refused',
        code: 'callback_slot_unavailable',
        message: 'That callback time is no longer available; pick another one.',
      };
  }
  const slot = input.slot ?? null;
  const result = await applyTransition(
    deps,
    conversation._id,
    { type: 'request_callback' },
    { kind: 'visitor' },
    {
      set: { callbackBooked: { slot, contactKind: input.contact.kind } },
      reasons: [slot ? 'callback_slot' : 'leave_message'],
      evidence: [slot ? slot.start : 'no slot'],
    },
  );
  if (!result.ok) return { kind: 'refused', code: result.code, message: result.message };
  const callback: Callback = {
    _id: deps.newId(),
    siteId: site._id,
    conversationId: conversation._id,
    slot,
    contact: input.contact,
    note: input.note ?? null,
    visitorTimeZone: visitor.context.timeZone ?? null,
    status: 'pending',
    createdAt: now,
    doneAt: null,
    doneBy: null,
  };
  await deps.store.callbacks.insert(callback);
  const zone = visitor.context.timeZone ?? site.config.hours.timeZone;
  const time = slot ? formatInTimeZone(new Date(slot.start), zone, 'EEE d MMM, HH:mm') : '';
  await postMessage(deps, result.conversation, {
    sender: { kind: 'system' },
    text: visitorText(site, result.conversation, 'callbackConfirmed', { time }),
  });
  deps.hub.toVisitor(visitor._id, { type: 'callback_confirmed' });
  deps.hub.toSite(site._id, { type: 'callback_updated', callback: toWireCallback(callback) });
  await publishVisitorView(deps, site, result.conversation);
  await publishQueueViews(deps, site, conversation.queue);
  return { kind: 'ok' };
}
