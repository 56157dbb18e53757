import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/audit';
import type { ConversationState } from '../../shared/entities';
import { decideTransition, type Ownership, type OwnershipCommand, ownedByAnother } from './ownership';

const ana: Actor = { kind: 'operator', operatorId: 'op-ana', name: 'Ana' };
const bo: Actor = { kind: 'operator', operatorId: 'op-bo', name: 'Bo' };
const visitor: Actor = { kind: 'visitor' };
const bot: Actor = { kind: 'bot' };
const system: Actor = { kind: 'system' };

const at = (state: ConversationState, owner: Actor | null = null, queue: string | null = null): Ownership => ({
  state,
  queue: queue ?? (state === 'bot' || state === 'resolved' ? null : 'general'),
  owner: owner && owner.kind === 'operator' ? { operatorId: owner.operatorId, name: owner.name } : null,
  version: 4,
});

type Row = [string, Ownership, OwnershipCommand, Actor, Partial<Ownership> & { action?: string }];

const allowed: Row[] = [
  [
    'the bot escalates a conversation it holds',
    at('bot'),
    { type: 'escalate', queue: 'billing' },
    bot,
    { state: 'queued', queue: 'billing', action: 'escalated' },
  ],
  ['a visitor’s request escalates', at('bot'), { type: 'escalate', queue: 'general' }, visitor, { state: 'queued', action: 'escalated' }],
  [
    'an operator claims a queued conversation',
    at('queued'),
    { type: 'claim' },
    ana,
    { state: 'owned', owner: { operatorId: 'op-ana', name: 'Ana' }, action: 'claimed' },
  ],
  ['an operator claims a callback request', at('callback_requested'), { type: 'claim' }, ana, { state: 'owned', action: 'claimed' }],
  [
    'the system assigns a queued conversation',
    at('queued'),
    { type: 'assign', operatorId: 'op-bo', name: 'Bo' },
    system,
    { state: 'owned', owner: { operatorId: 'op-bo', name: 'Bo' }, action: 'assigned' },
  ],
  ['an operator barges in on the bot', at('bot'), { type: 'barge_in' }, ana, { state: 'owned', action: 'barged_in' }],
  ['an operator pulls a queued conversation', at('queued'), { type: 'barge_in' }, ana, { state: 'owned', action: 'barged_in' }],
  [
    'the owner transfers to a queue',
    at('owned', ana),
    { type: 'transfer', toQueue: 'billing' },
    ana,
    { state: 'queued', queue: 'billing', owner: null, action: 'transferred' },
  ],
  [
    'the owner transfers to a colleague',
    at('owned', ana),
    { type: 'transfer', toOperator: { operatorId: 'op-bo', name: 'Bo' } },
    ana,
    { state: 'owned', owner: { operatorId: 'op-bo', name: 'Bo' }, action: 'transferred' },
  ],
  [
    'an operator moves a queued conversation to another queue',
    at('queued'),
    { type: 'transfer', toQueue: 'sales' },
    bo,
    { state: 'queued', queue: 'sales', action: 'transferred' },
  ],
  [
    'the owner returns it to the bot',
    at('owned', ana),
    { type: 'return_to_bot' },
    ana,
    { state: 'bot', owner: null, queue: null, action: 'returned_to_bot' },
  ],
  ['the owner resolves', at('owned', ana), { type: 'resolve' }, ana, { state: 'resolved', owner: null, action: 'resolved' }],
  ['an operator resolves a bot conversation', at('bot'), { type: 'resolve' }, bo, { state: 'resolved', action: 'resolved' }],
  ['the system resolves an idle conversation', at('owned', ana), { type: 'resolve' }, system, { state: 'resolved', action: 'resolved' }],
  [
    'a waiting visitor asks for a callback',
    at('queued'),
    { type: 'request_callback' },
    visitor,
    { state: 'callback_requested', action: 'callback_requested' },
  ],
  [
    'an unaccepted offer goes back to the queue',
    at('owned', bo),
    { type: 'requeue' },
    system,
    { state: 'queued', owner: null, action: 'requeued' },
  ],
  [
    'an admin takes over a colleague’s conversation',
    at('owned', ana),
    { type: 'take_over' },
    bo,
    { state: 'owned', owner: { operatorId: 'op-bo', name: 'Bo' }, action: 'taken_over' },
  ],
  [
    'a visitor writing after resolution reopens with the bot',
    at('resolved'),
    { type: 'visitor_wrote' },
    visitor,
    { state: 'bot', action: 'reopened' },
  ],
];

describe('allowed transitions', () => {
  it.each(allowed)('%s', (_name, current, command, actor, expected) => {
    const result = decideTransition(current, command, actor);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { action, ...next } = expected;
    expect(result.next).toMatchObject({ ...next, version: current.version + 1 });
    expect(result.action).toBe(action);
  });
});

type Refusal = [string, Ownership, OwnershipCommand, Actor, string, RegExp];

const refused: Refusal[] = [
  ['a second claim names the owner', at('owned', ana), { type: 'claim' }, bo, 'already_claimed', /^Already claimed by Ana\.$/],
  ['a barge-in on an owned conversation names the owner', at('owned', ana), { type: 'barge_in' }, bo, 'already_claimed', /Ana/],
  [
    'assigning an owned conversation',
    at('owned', ana),
    { type: 'assign', operatorId: 'op-bo', name: 'Bo' },
    system,
    'already_claimed',
    /Ana/,
  ],
  ['the owner claiming again', at('owned', ana), { type: 'claim' }, ana, 'transition_not_allowed', /owned by Ana/],
  ['claiming a bot conversation (that is a barge-in)', at('bot'), { type: 'claim' }, ana, 'transition_not_allowed', /handled by the bot/],
  ['claiming a resolved conversation', at('resolved'), { type: 'claim' }, ana, 'transition_not_allowed', /resolved/],
  ['an operator escalating', at('bot'), { type: 'escalate', queue: 'general' }, ana, 'transition_not_allowed', /escalate/],
  ['escalating twice', at('queued'), { type: 'escalate', queue: 'general' }, bot, 'transition_not_allowed', /waiting for a person/],
  ['the bot claiming', at('queued'), { type: 'claim' }, bot, 'forbidden', /owner/],
  ['a visitor barging in', at('bot'), { type: 'barge_in' }, visitor, 'forbidden', /.+/],
  ['an operator assigning by hand', at('queued'), { type: 'assign', operatorId: 'op-bo', name: 'Bo' }, ana, 'forbidden', /.+/],
  ['a non-owner transferring', at('owned', ana), { type: 'transfer', toQueue: 'billing' }, bo, 'forbidden', /by Ana/],
  ['transferring a bot conversation', at('bot'), { type: 'transfer', toQueue: 'billing' }, ana, 'transition_not_allowed', /bot/],
  ['a non-owner returning to the bot', at('owned', ana), { type: 'return_to_bot' }, bo, 'forbidden', /Ana/],
  ['returning a queued conversation to the bot', at('queued'), { type: 'return_to_bot' }, ana, 'transition_not_allowed', /waiting/],
  ['a non-owner resolving', at('owned', ana), { type: 'resolve' }, bo, 'forbidden', /Ana/],
  ['the bot resolving', at('bot'), { type: 'resolve' }, bot, 'forbidden', /.+/],
  ['resolving twice', at('resolved'), { type: 'resolve' }, ana, 'transition_not_allowed', /resolved/],
  ['a callback while the bot holds it', at('bot'), { type: 'request_callback' }, visitor, 'transition_not_allowed', /bot/],
  ['an operator requesting a callback', at('queued'), { type: 'request_callback' }, ana, 'forbidden', /.+/],
  ['taking over one’s own conversation', at('owned', ana), { type: 'take_over' }, ana, 'transition_not_allowed', /owned by Ana/],
  ['taking over a waiting conversation (that is a claim)', at('queued'), { type: 'take_over' }, ana, 'transition_not_allowed', /waiting/],
  ['the system taking over', at('owned', ana), { type: 'take_over' }, system, 'forbidden', /.+/],
  ['an operator requeueing', at('owned', ana), { type: 'requeue' }, ana, 'forbidden', /.+/],
  ['requeueing a queued conversation', at('queued'), { type: 'requeue' }, system, 'transition_not_allowed', /waiting/],
  ['reopening an open conversation', at('owned', ana), { type: 'visitor_wrote' }, visitor, 'transition_not_allowed', /owned/],
];

describe('refused transitions', () => {
  it.each(refused)('refuses %s', (_name, current, command, actor, code, message) => {
    const result = decideTransition(current, command, actor);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
    expect(result.current).toBe(current);
  });

  it('never changes the version on a refusal', () => {
    const current = at('owned', ana);
    decideTransition(current, { type: 'claim' }, bo);
    expect(current.version).toBe(4);
  });
});

describe('ownedByAnother', () => {
  it('is true only when someone else owns the conversation', () => {
    expect(ownedByAnother({ state: 'owned', owner: { operatorId: 'op-ana', name: 'Ana' } }, 'op-bo')).toBe(true);
    expect(ownedByAnother({ state: 'owned', owner: { operatorId: 'op-bo', name: 'Bo' } }, 'op-bo')).toBe(false);
    expect(ownedByAnother({ state: 'queued', owner: null }, 'op-bo')).toBe(false);
    expect(ownedByAnother({ state: 'bot', owner: null }, 'op-bo')).toBe(false);
  });
});
