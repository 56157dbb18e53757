import type { ConversationSummary } from '../../../shared/operator-protocol';

type Ownership = Pick<ConversationSummary, 'state' | 'owner' | 'queue'>;

export type LockState =
  | { kind: 'mine' }
  | { kind: 'claimed'; by: string }
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
}

export const noActions: AllowedActions = {
  claim: false,
  bargeIn: false,
  reply: false,
  transfer: false,
  returnToBot: false,
  resolve: false,
  correctIntent: false,
};

export function lockStateOf(c: Ownership, meId: string): LockState {
  switch (c.state) {
    case 'owned':
      return c.owner && c.owner.operatorId === meId ? { kind: 'mine' } : { kind: 'claimed', by: c.owner?.name ?? 'another operator' };
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
export function allowedActions(c: Ownership, meId: string): AllowedActions {
  const lock = lockStateOf(c, meId);
  const mine = lock.kind === 'mine';
  return {
    claim: lock.kind === 'waiting' || lock.kind === 'callback',
    bargeIn: lock.kind === 'bot',
    reply: mine,
    transfer: mine || lock.kind === 'waiting',
    returnToBot: mine,
    resolve: lock.kind !== 'resolved' && lock.kind !== 'claimed',
    correctIntent: lock.kind !== 'claimed',
  };
}
