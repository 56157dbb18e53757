import type { HandoffEpisode } from '../entities/episode';

/**
 * A valid handoff episode for a test to record or compute with: the first, escalated into billing by a
 * request for a person at `startedAt` (by default the moment of the call), with nothing after it yet.
 * Pass only what the test is about.
 */
export function handoffEpisode(overrides: Partial<HandoffEpisode> = {}): HandoffEpisode {
  const at = overrides.startedAt ?? new Date();
  return {
    number: 1,
    startedBy: 'escalated',
    startedAt: at,
    escalatedAt: at,
    triggers: [{ trigger: 'human_request', evidence: 'a person please' }],
    queue: 'billing',
    rule: 'default',
    intent: null,
    factsPresent: [],
    factsMissing: [],
    offeredAt: null,
    claimedAt: null,
    firstHumanReplyAt: null,
    transfers: [],
    outcome: null,
    endedAt: null,
    resolvedAt: null,
    waitEstimateShown: null,
    actualWaitMs: null,
    rating: null,
    language: 'en',
    operatorId: null,
    ...overrides,
  };
}
