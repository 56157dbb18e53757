import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTransition } from '../flows/handoff/transition';
import { conversationDoc } from '../test-support/conversation-doc';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
});
afterEach(() => h.close());

const queued = (id: string, version: number) => conversationDoc({ _id: id, version });

const actor = (operatorId: string) => ({ kind: 'operator' as const, operatorId, name: operatorId });

describe("a transition on the caller's copy of the conversation", () => {
  it('does not read the conversation again when the copy is current', async () => {
    const copy = queued('c1', 3);
    await h.deps.store.conversations.insert(copy);
    const counted = h.countCommands();
    const result = await applyTransition(h.deps, 'c1', { type: 'claim' }, actor('op-1'), { current: copy });
    counted.stop();
    expect(result.ok && result.conversation.owner?.operatorId).toBe('op-1');
    expect(counted.names().filter((n) => n === 'find conversations')).toEqual([]);
  });

  it('decides again on the stored one when the copy is stale: the stored owner stays and the caller hears who it is', async () => {
    await h.deps.store.conversations.insert(queued('c2', 3));
    const stale = queued('c2', 3);
    expect((await applyTransition(h.deps, 'c2', { type: 'claim' }, actor('op-first'))).ok).toBe(true);
    const late = await applyTransition(h.deps, 'c2', { type: 'claim' }, actor('op-late'), { current: stale });
    expect(late.ok).toBe(false);
    expect(!late.ok && late.code).toBe('already_claimed');
    expect((await h.deps.store.conversations.get('c2'))?.owner?.operatorId).toBe('op-first');
  });

  it('never refuses on the copy alone: a copy that says no is checked against the stored one', async () => {
    await h.deps.store.conversations.insert(queued('c3', 3));
    const staleOwned = { ...queued('c3', 2), state: 'owned' as const, owner: { operatorId: 'op-gone', name: 'Gone' } };
    const result = await applyTransition(h.deps, 'c3', { type: 'claim' }, actor('op-1'), { current: staleOwned });
    expect(result.ok && result.conversation.owner?.operatorId).toBe('op-1');
  });
});
