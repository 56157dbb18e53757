import { describe, expect, it } from 'vitest';
import { type EpisodeSource, episodesAfter, markOpenEpisode, rateLastResolved } from './episodes';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute));
const base: EpisodeSource = {
  episodes: [],
  queue: null,
  owner: null,
  firedTriggers: [],
  intent: null,
  facts: {},
  missingFacts: [],
  casePackage: null,
  visitorLocale: 'pt',
};
const ana = { operatorId: 'op-ana', name: 'Ana' };

function journey() {
  let c: EpisodeSource = base;
  const step = (
    patch: Partial<EpisodeSource>,
    action: Parameters<typeof episodesAfter>[2],
    actor: Parameters<typeof episodesAfter>[3],
    minute: number,
  ) => {
    // Episodes in the patch were stored before this transition (a mark or a rating).
    const before = { ...c, episodes: patch.episodes ?? c.episodes };
    const after = { ...c, ...patch };
    c = { ...after, episodes: episodesAfter(before, after, action, actor, at(minute), 'UTC') };
  };
  return { step, get: () => c };
}

describe('handoff episodes', () => {
  it('keep every fact of an episode through reopening, and start a new one on the next escalation', () => {
    const j = journey();
    j.step(
      {
        queue: 'billing',
        firedTriggers: [{ trigger: 'human_request', evidence: 'Pressed "Talk to a person"' }],
        intent: 'refund',
        facts: { orderNumber: '48213' },
        missingFacts: ['email'],
        casePackage: { routingRule: 'billing-rule' },
      },
      'escalated',
      { kind: 'visitor' },
      0,
    );
    j.step({}, 'assigned', { kind: 'system' }, 1);
    j.step({ owner: ana }, 'claimed', { kind: 'operator', ...ana }, 3);
    const marked = markOpenEpisode(j.get().episodes, {
      firstHumanReplyAt: at(4),
      waitEstimateShown: { kind: 'range', minMinutes: 2, maxMinutes: 5 },
    });
    j.step({ episodes: marked ?? [] }, 'transferred', { kind: 'operator', ...ana }, 5);
    j.step({ owner: null }, 'resolved', { kind: 'operator', ...ana }, 9);
    const rated = rateLastResolved(j.get().episodes, { score: 5, comment: 'quick', at: at(10) });
    j.step({ episodes: rated ?? [] }, 'reopened', { kind: 'visitor' }, 20);
    j.step(
      { queue: 'general', firedTriggers: [{ trigger: 'frustration', evidence: 'this is useless' }] },
      'escalated',
      { kind: 'bot' },
      21,
    );

    const [first, second] = j.get().episodes ?? [];
    expect(first?.reopenedAt).toEqual(at(20));
    delete first?.reopenedAt;
    expect(first).toEqual({
      number: 1,
      startedBy: 'escalated',
      day: '2026-01-05',
      escalatedAt: at(0),
      triggers: [{ trigger: 'human_request', evidence: 'Pressed "Talk to a person"' }],
      queue: 'billing',
      rule: 'billing-rule',
      intent: 'refund',
      factsPresent: ['orderNumber'],
      factsMissing: ['email'],
      offeredAt: at(1),
      claimedAt: at(3),
      firstHumanReplyAt: at(4),
      transfers: [{ at: at(5), toQueue: null, toOperatorId: 'op-ana' }],
      outcome: 'resolved',
      endedAt: at(9),
      resolvedAt: at(9),
      waitEstimateShown: { kind: 'range', minMinutes: 2, maxMinutes: 5 },
      actualWaitMs: 3 * 60_000,
      rating: { score: 5, comment: 'quick', at: at(10) },
      startedAt: at(0),
      language: 'pt',
      operatorId: 'op-ana',
      intentCorrectedTo: null,
      repeats: { visitorRestated: 0, operatorAsked: 0 },
    });
    expect(second).toMatchObject({ number: 2, escalatedAt: at(21), queue: 'general', outcome: null, rating: null, claimedAt: null });
  });

  it('name the outcome: returned to the bot, a callback, or abandoned when the sweep resolves an unclaimed wait', () => {
    const j = journey();
    j.step({ queue: 'q' }, 'escalated', { kind: 'bot' }, 0);
    j.step({ owner: ana }, 'claimed', { kind: 'operator', ...ana }, 1);
    j.step({ owner: null, queue: null }, 'returned_to_bot', { kind: 'operator', ...ana }, 2);
    j.step({ queue: 'q' }, 'escalated', { kind: 'bot' }, 3);
    j.step({}, 'callback_requested', { kind: 'visitor' }, 4);
    j.step({ queue: 'q' }, 'escalated', { kind: 'bot' }, 5);
    j.step({}, 'resolved', { kind: 'system' }, 30);
    expect(j.get().episodes?.map((e) => e.outcome)).toEqual(['returned_to_bot', 'callback', 'abandoned']);
  });

  it('give a bot-only resolution an episode, so its rating is kept', () => {
    const j = journey();
    j.step({}, 'resolved', { kind: 'system' }, 5);
    expect(j.get().episodes).toMatchObject([{ startedBy: 'resolved', outcome: 'resolved', escalatedAt: null }]);
    expect(rateLastResolved(j.get().episodes, { score: 4, comment: null, at: at(6) })?.[0]?.rating).toEqual({
      score: 4,
      comment: null,
      at: at(6),
    });
  });

  it('record an intent correction and repeat explanation on the open episode only, and the person who answered an offer', () => {
    const j = journey();
    j.step({ queue: 'q', intent: 'billing' }, 'escalated', { kind: 'bot' }, 0);
    let episodes = markOpenEpisode(j.get().episodes, { intentCorrectedTo: 'refund', operatorId: 'op-ana' });
    episodes = markOpenEpisode(episodes ?? [], { visitorRestated: true });
    episodes = markOpenEpisode(episodes ?? [], { operatorAsked: true });
    episodes = markOpenEpisode(episodes ?? [], { visitorRestated: true });
    expect(episodes?.[0]).toMatchObject({
      intentCorrectedTo: 'refund',
      operatorId: 'op-ana',
      repeats: { visitorRestated: 2, operatorAsked: 1 },
    });
    expect(markOpenEpisode(episodes ?? [], { intentCorrectedTo: 'refund' })).toBeNull();
    j.step({ episodes: episodes ?? [] }, 'returned_to_bot', { kind: 'operator', ...ana }, 3);
    expect(markOpenEpisode(j.get().episodes, { visitorRestated: true })).toBeNull();
  });
});
