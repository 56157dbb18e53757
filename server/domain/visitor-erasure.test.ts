import { describe, expect, it } from 'vitest';
import type { Conversation } from '../entities/conversation';
import { conversationDoc } from '../test-support/conversation-doc';
import { erasedConversationFields } from './visitor-erasure';

const at = new Date('2026-01-05T10:00:00Z');

function conversation(): Conversation {
  return conversationDoc({
    _id: 'c1',
    siteId: 's',
    visitorId: 'v',
    state: 'resolved',
    version: 4,
    queue: 'billing',
    owner: { operatorId: 'op', name: 'Ana' },
    lastSeq: 3,
    urgency: 'high',
    triggers: ['human_request'],
    firedTriggers: [{ trigger: 'human_request', evidence: 'let me talk to Zoe Quinn' }],
    handoffTopic: 'refund',
    intent: 'refund',
    missingFacts: ['order'],
    facts: { order: '48213', email: 'zoe@x.test' },
    rating: { score: 4, comment: 'Zoe says thanks', at },
    visitorName: 'Zoe Quinn',
    lastMessagePreview: 'my order 48213',
    createdAt: at,
    claimedAt: at,
    resolvedAt: at,
    episodes: [
      {
        number: 1,
        startedBy: 'escalated',
        escalatedAt: at,
        triggers: [{ trigger: 'human_request', evidence: 'Zoe Quinn here' }],
        queue: 'billing',
        rule: 'default',
        intent: 'refund',
        factsPresent: ['order'],
        factsMissing: [],
        offeredAt: null,
        claimedAt: at,
        firstHumanReplyAt: at,
        transfers: [],
        outcome: 'resolved',
        endedAt: at,
        resolvedAt: at,
        waitEstimateShown: null,
        actualWaitMs: 1000,
        rating: { score: 4, comment: 'Zoe says thanks', at },
      },
    ],
  });
}

describe('erasedConversationFields', () => {
  it('leaves none of the visitor words or identity, and keeps the shape for statistics', () => {
    const c = conversation();
    const erased = { ...c, ...erasedConversationFields(c) };
    const json = JSON.stringify(erased);
    for (const personal of ['Zoe', '48213', 'zoe@x.test', 'thanks']) expect(json).not.toContain(personal);
    expect(erased.rating).toEqual({ score: 4, comment: null, at });
    expect(erased.episodes?.[0]).toMatchObject({
      outcome: 'resolved',
      actualWaitMs: 1000,
      triggers: [{ trigger: 'human_request', evidence: '' }],
    });
    expect(erased.firedTriggers).toEqual([{ trigger: 'human_request', evidence: '' }]);
    expect(erased.intent).toBe('refund');
  });

  it('does not invent episodes on a conversation stored before they existed', () => {
    const { episodes: _none, ...old } = conversation();
    expect('episodes' in erasedConversationFields(old)).toBe(false);
  });
});
