import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../shared/entities';
import { type AllowedActions, allowedActions, claimLabel, lockLabel, lockStateOf } from './models/lock-rules';

const names: Record<string, string> = { billing: 'Billing' };
const queueName = (id: string) => names[id] ?? id;
const mine = { operatorId: 'op_me', name: 'Mia' };
const ana = { operatorId: 'op_ana', name: 'Ana' };

const offerTo = (operatorId: string) => ({ operatorId, expiresAt: '2025-03-10T09:00:30Z' });

type Offer = ReturnType<typeof offerTo> | null;
type Row = [string, ConversationState, typeof mine | null, string, (keyof AllowedActions)[], Offer?];

const table: Row[] = [
  ['waiting in a queue', 'queued', null, 'Waiting in Billing', ['claim', 'transfer', 'resolve', 'correctIntent']],
  ['owned by me', 'owned', mine, 'You own this conversation', ['reply', 'transfer', 'returnToBot', 'resolve', 'correctIntent']],
  ['claimed by someone else', 'owned', ana, 'Claimed by Ana', []],
  ['held by the bot', 'bot', null, 'Handled by the bot', ['bargeIn', 'resolve', 'correctIntent']],
  ['waiting for a callback', 'callback_requested', null, 'Callback requested, Billing', ['claim', 'resolve', 'correctIntent']],
  ['resolved', 'resolved', null, 'Resolved', ['correctIntent']],
  ['offered to me, not yet accepted', 'owned', mine, 'Offered to you — Accept', ['claim', 'reply', 'correctIntent'], offerTo('op_me')],
  ['offered to someone else', 'owned', ana, 'Offered to Ana', [], offerTo('op_ana')],
];

describe('lock state and the buttons it allows', () => {
  it.each(table)('%s', (_, state, owner, label, allowed, offer = null) => {
    const c = { state, owner, queue: 'billing', offer };
    expect(lockLabel(lockStateOf(c, 'op_me'), queueName)).toBe(label);
    const actions = allowedActions(c, 'op_me');
    expect(
      Object.entries(actions)
        .filter(([, on]) => on)
        .map(([name]) => name),
    ).toEqual(allowed);
  });

  it('lets only an admin take over a conversation someone else owns or was offered', () => {
    const anas = { state: 'owned' as const, owner: ana, queue: 'billing', offer: null };
    expect(allowedActions(anas, 'op_me', true).takeOver).toBe(true);
    expect(allowedActions(anas, 'op_me', false).takeOver).toBe(false);
    expect(allowedActions({ ...anas, offer: offerTo('op_ana') }, 'op_me', true).takeOver).toBe(true);
    expect(allowedActions({ ...anas, owner: mine }, 'op_me', true).takeOver).toBe(false);
    expect(allowedActions({ ...anas, state: 'queued', owner: null }, 'op_me', true).takeOver).toBe(false);
  });

  it('enables the composer only for the owner', () => {
    expect(allowedActions({ state: 'owned', owner: mine, queue: null, offer: null }, 'op_me').reply).toBe(true);
    expect(allowedActions({ state: 'owned', owner: mine, queue: null, offer: null }, 'op_ana').reply).toBe(false);
    expect(allowedActions({ state: 'queued', owner: null, queue: null, offer: null }, 'op_me').reply).toBe(false);
  });

  it('names the Claim button Accept only for an offer to me', () => {
    const offered = { state: 'owned' as const, owner: mine, queue: null, offer: offerTo('op_me') };
    expect(claimLabel(lockStateOf(offered, 'op_me'))).toBe('Accept');
    expect(lockStateOf(offered, 'op_me')).toEqual({ kind: 'offered_to_me', expiresAt: '2025-03-10T09:00:30Z' });
    expect(claimLabel(lockStateOf({ ...offered, state: 'queued', owner: null, offer: null }, 'op_me'))).toBe('Claim');
    expect(claimLabel(null)).toBe('Claim');
  });

  it('says "Waiting for a person" when no queue is known', () => {
    expect(lockLabel(lockStateOf({ state: 'queued', owner: null, queue: null, offer: null }, 'op_me'), queueName)).toBe(
      'Waiting for a person',
    );
  });
});
