import type { ConversationSummary } from '../../shared/operator-protocol';

type Ownership = Pick<ConversationSummary, 'state' | 'owner' | 'queue' | 'offer'>;

export type LockState =
  | { kind: 'mine' }
  | { kind: 'claimed'; by: string }
  /** An automatic offer to me, not yet accepted: Claim (shown as Accept) or a reply takes it. */
  | { kind: 'offered_to_me'; expiresAt: string }
  | { kind: 'offered'; to: string }
  | { kind: 'waiting'; queue: string | null }
  | { kind: 'callback'; queue: string | null }
  | { kind: 'bot' }
  | { kind: 'resolved' };

export interface AllowedActions {
  claim: boolean;
  bargeIn: boolean;
  reply: boolean;
  transfer: boolean;
  returnToBot: boolean;
  resolve: boolean;
  correctIntent: boolean;
  /** Admins only: take a conversation another operator owns or was offered. */
  takeOver: boolean;
}

export const noActions: AllowedActions = {
  claim: false,
  bargeIn: false,
  reply: false,
  transfer: false,
  returnToBot: false,
  resolve: false,
  correctIntent: false,
  takeOver: false,
};

export function lockStateOf(c: Ownership, meId: string): LockState {
  switch (c.state) {
    case 'owned': {
      const isMine = c.owner?.operatorId === meId;
      const by = c.owner?.name ?? 'another operator';
      if (c.offer) return isMine ? { kind: 'offered_to_me', expiresAt: c.offer.expiresAt } : { kind: 'offered', to: by };
      return isMine ? { kind: 'mine' } : { kind: 'claimed', by };
    }
    case 'queued':
      return { kind: 'waiting', queue: c.queue };
    case 'callback_requested':
      return { kind: 'callback', queue: c.queue };
    case 'bot':
      return { kind: 'bot' };
    case 'resolved':
      return { kind: 'resolved' };
  }
}

export function lockLabel(lock: LockState, queueName: (queueId: string) => string): string {
  switch (lock.kind) {
    case 'mine':
      return 'You own this conversation';
    case 'claimed':
      return `Claimed by ${lock.by}`;
    case 'offered_to_me':
      return 'Offered to you — Accept';
    case 'offered':
      return `Offered to ${lock.to}`;
    case 'waiting':
      return lock.queue ? `Waiting in ${queueName(lock.queue)}` : 'Waiting for a person';
    case 'callback':
      return lock.queue ? `Callback requested, ${queueName(lock.queue)}` : 'Callback requested';
    case 'bot':
      return 'Handled by the bot';
    case 'resolved':
      return 'Resolved';
  }
}

/**
 * What this operator may do now; mirrors server/domain/ownership.ts so buttons
 * match what the server allows. The server still decides: a race ends in 409.
 */
export function allowedActions(c: Ownership, meId: string, isAdmin = false): AllowedActions {
  const lock = lockStateOf(c, meId);
  const mine = lock.kind === 'mine';
  const offeredToMe = lock.kind === 'offered_to_me';
  const someoneElses = lock.kind === 'claimed' || lock.kind === 'offered';
  // An offer is accepted (Claim or a reply) before anything else: it is not the operator's until then.
  return {
    claim: lock.kind === 'waiting' || lock.kind === 'callback' || offeredToMe,
    bargeIn: lock.kind === 'bot',
    reply: mine || offeredToMe,
    transfer: mine || lock.kind === 'waiting',
    returnToBot: mine,
    resolve: lock.kind !== 'resolved' && !someoneElses && !offeredToMe,
    correctIntent: !someoneElses,
    takeOver: isAdmin && someoneElses,
  };
}

/** The Claim button's name: an offer is accepted rather than claimed. */
export const claimLabel = (lock: LockState | null): string => (lock?.kind === 'offered_to_me' ? 'Accept' : 'Claim');
