import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../shared/entities';
import { type AllowedActions, allowedActions, lockLabel, lockStateOf } from './models/lock-rules';

const names: Record<string, string> = { billing: 'Billing' };
const queueName = (id: string) => names[id] ?? id;
const mine = { operatorId: 'op_me', name: 'Mia' };
const ana = { operatorId: 'op_ana', name: 'Ana' };

type Row = [string, ConversationState, typeof mine | null, string, (keyof AllowedActions)[]];

const table: Row[] = [
  ['waiting in a queue', 'queued', null, 'Waiting in Billing', ['claim', 'transfer', 'resolve', 'correctIntent']],
  ['owned by me', 'owned', mine, 'You own this conversation', ['reply', 'transfer', 'returnToBot', 'resolve', 'correctIntent']],
  ['claimed by someone else', 'owned', ana, 'Claimed by Ana', []],
  ['held by the bot', 'bot', null, 'Handled by the bot', ['bargeIn', 'resolve', 'correctIntent']],
  ['waiting for a callback', 'callback_requested', null, 'Callback requested, Billing', ['claim', 'resolve', 'correctIntent']],
  ['resolved', 'resolved', null, 'Resolved', ['correctIntent']],
];

describe('lock state and the buttons it allows', () => {
  it.each(table)('%s', (_, state, owner, label, allowed) => {
    const c = { state, owner, queue: 'billing' };
    expect(lockLabel(lockStateOf(c, 'op_me'), queueName)).toBe(label);
    const actions = allowedActions(c, 'op_me');
    expect(Object.entries(actions).filter(([, on]) => on).map(([name]) => name)).toEqual(allowed);
  });

  it('enables the composer only for the owner', () => {
    expect(allowedActions({ state: 'owned', owner: mine, queue: null }, 'op_me').reply).toBe(true);
    expect(allowedActions({ state: 'owned', owner: mine, queue: null }, 'op_ana').reply).toBe(false);
    expect(allowedActions({ state: 'queued', owner: null, queue: null }, 'op_me').reply).toBe(false);
  });

  it('says "Waiting for a person" when no queue is known', () => {
    expect(lockLabel(lockStateOf({ state: 'queued', owner: null, queue: null }, 'op_me'), queueName)).toBe('Waiting for a person');
  });
});
