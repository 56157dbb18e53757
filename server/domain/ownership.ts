import type { Actor, AuditAction } from '../../shared/audit';
import type { ConversationState } from '../../shared/entities';
import type { ErrorCode } from '../../shared/errors';

/** The part of a conversation that says who answers it. */
export interface Ownership {
  state: ConversationState;
  queue: string | null;
  owner: { operatorId: string; name: string } | null;
  version: number;
}

export type OwnershipCommand =
  | { type: 'escalate'; queue: string }
  | { type: 'claim' }
  | { type: 'assign'; operatorId: string; name: string }
  | { type: 'barge_in' }
  /** An admin takes a conversation another operator owns (the owner left, or it must move now); the transport checks the role. */
  | { type: 'take_over' }
  | { type: 'transfer'; toQueue: string }
  | { type: 'transfer'; toOperator: { operatorId: string; name: string } }
  | { type: 'return_to_bot' }
  | { type: 'resolve' }
  | { type: 'request_callback' }
  | { type: 'visitor_wrote' }
  /** An automatic offer that was not accepted in time goes back to the queue. */
  | { type: 'requeue' };

export type Transition =
  | { ok: true; next: Ownership; action: AuditAction }
  | {
      ok: false;
      code: Extract<ErrorCode, 'already_claimed' | 'transition_not_allowed' | 'forbidden'>;
      message: string;
      current: Ownership;
    };

const refuse = (
  current: Ownership,
  command: OwnershipCommand,
  code: 'already_claimed' | 'transition_not_allowed' | 'forbidden' = 'transition_not_allowed',
): Transition => {
  const owner = current.owner ? ` by ${current.owner.name}` : '';
  const message =
    code === 'already_claimed'
      ? `Already claimed by ${current.owner?.name ?? 'another operator'}.`
      : code === 'forbidden'
        ? `Only the owner${owner} can do that.`
        : `Cannot ${command.type.replace(/_/g, ' ')}: the conversation is ${describeState(current.state)}${owner}.`;
  return { ok: false, code, message, current };
};

export function describeState(state: ConversationState): string {
  switch (state) {
    case 'bot':
      return 'handled by the bot';
    case 'queued':
      return 'waiting for a person';
    case 'owned':
      return 'owned';
    case 'callback_requested':
      return 'waiting for a callback';
    case 'resolved':
      return 'resolved';
  }
}

const to = (current: Ownership, patch: Partial<Ownership>, action: AuditAction): Transition => ({
  ok: true,
  next: { ...current, ...patch, version: current.version + 1 },
  action,
});

const isOperator = (actor: Actor): actor is Extract<Actor, { kind: 'operator' }> => actor.kind === 'operator';
const isOwner = (current: Ownership, actor: Actor) => isOperator(actor) && current.owner?.operatorId === actor.operatorId;

/**
 * Decides one ownership transition. Pure: the store applies `next` with a
 * conditional update on (state, version), so a lost race is refused there too.
 */
export function decideTransition(current: Ownership, command: OwnershipCommand, actor: Actor): Transition {
  const { state } = current;
  switch (command.type) {
    case 'escalate':
      if (actor.kind === 'operator') return refuse(current, command);
      if (state !== 'bot') return refuse(current, command);
      return to(current, { state: 'queued', queue: command.queue, owner: null }, 'escalated');
    case 'claim':
      if (!isOperator(actor)) return refuse(current, command, 'forbidden');
      if (state === 'owned') return isOwner(current, actor) ? refuse(current, command) : refuse(current, command, 'already_claimed');
      if (state !== 'queued' && state !== 'callback_requested') return refuse(current, command);
      return to(current, { state: 'owned', owner: { operatorId: actor.operatorId, name: actor.name } }, 'claimed');
    case 'assign':
      if (actor.kind !== 'system') return refuse(current, command, 'forbidden');
      if (state === 'owned') return refuse(current, command, 'already_claimed');
      if (state !== 'queued') return refuse(current, command);
      return to(current, { state: 'owned', owner: { operatorId: command.operatorId, name: command.name } }, 'assigned');
    case 'barge_in':
      if (!isOperator(actor)) return refuse(current, command, 'forbidden');
      if (state === 'owned') return isOwner(current, actor) ? refuse(current, command) : refuse(current, command, 'already_claimed');
      if (state !== 'bot' && state !== 'queued') return refuse(current, command);
      return to(current, { state: 'owned', owner: { operatorId: actor.operatorId, name: actor.name } }, 'barged_in');
    case 'take_over':
      if (!isOperator(actor)) return refuse(current, command, 'forbidden');
      if (state !== 'owned' || isOwner(current, actor)) return refuse(current, command);
      return to(current, { owner: { operatorId: actor.operatorId, name: actor.name } }, 'taken_over');
    case 'transfer':
      if (!isOperator(actor)) return refuse(current, command, 'forbidden');
      if (state !== 'owned' && state !== 'queued') return refuse(current, command);
      if (state === 'owned' && !isOwner(current, actor)) return refuse(current, command, 'forbidden');
      if ('toQueue' in command) return to(current, { state: 'queued', queue: command.toQueue, owner: null }, 'transferred');
      return to(current, { state: 'owned', owner: command.toOperator }, 'transferred');
    case 'return_to_bot':
      if (!isOperator(actor)) return refuse(current, command, 'forbidden');
      if (state !== 'owned') return refuse(current, command);
      if (!isOwner(current, actor)) return refuse(current, command, 'forbidden');
      return to(current, { state: 'bot', owner: null, queue: null }, 'returned_to_bot');
    case 'resolve':
      if (actor.kind === 'bot') return refuse(current, command, 'forbidden');
      if (state === 'resolved') return refuse(current, command);
      if (state === 'owned' && isOperator(actor) && !isOwner(current, actor)) return refuse(current, command, 'forbidden');
      return to(current, { state: 'resolved', owner: null }, 'resolved');
    case 'request_callback':
      if (actor.kind !== 'visitor') return refuse(current, command, 'forbidden');
      if (state !== 'queued') return refuse(current, command);
      return to(current, { state: 'callback_requested', owner: null }, 'callback_requested');
    case 'requeue':
      if (actor.kind !== 'system') return refuse(current, command, 'forbidden');
      if (state !== 'owned') return refuse(current, command);
      return to(current, { state: 'queued', owner: null }, 'requeued');
    case 'visitor_wrote':
      if (actor.kind !== 'visitor') return refuse(current, command, 'forbidden');
      if (state !== 'resolved') return refuse(current, command);
      return to(current, { state: 'bot', owner: null, queue: null }, 'reopened');
  }
}

/** Another operator owns the conversation: only they may change what it says about itself (e.g. its intent). */
export function ownedByAnother(current: Pick<Ownership, 'state' | 'owner'>, operatorId: string): boolean {
  return current.state === 'owned' && current.owner !== null && current.owner.operatorId !== operatorId;
}
