import { describe, expect, it } from 'vitest';
import { type AssignmentCandidate, type AssignmentState, chooseAssignee } from './assignment';

const op = (operatorId: string, active: number, capacity = 3, extra: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  operatorId,
  presence: 'online',
  capacity,
  active,
  ...extra,
});
const fresh: AssignmentState = { declined: [], recentAssignees: [] };

describe('chooseAssignee', () => {
  it.each([
    { given: 'nobody', candidates: [], state: fresh, expected: null },
    { given: 'everyone at capacity', candidates: [op('ana', 3), op('ben', 2, 2)], state: fresh, expected: null },
    { given: 'an operator over capacity', candidates: [op('ana', 4)], state: fresh, expected: null },
    {
      given: 'free operators who are away or offline',
      candidates: [op('ana', 0, 3, { presence: 'away' }), op('ben', 0, 3, { presence: 'offline' })],
      state: fresh,
      expected: null,
    },
    { given: 'different free capacity', candidates: [op('ana', 2), op('ben', 0), op('cem', 1)], state: fresh, expected: 'ben' },
    { given: 'a tie and no history', candidates: [op('ana', 1), op('ben', 1)], state: fresh, expected: 'ana' },
    {
      given: 'a tie where ana was assigned last',
      candidates: [op('ana', 1), op('ben', 1)],
      state: { declined: [], recentAssignees: ['ben', 'ana'] },
      expected: 'ben',
    },
    {
      given: 'a tie where ben was assigned long ago and cem never',
      candidates: [op('ana', 1), op('ben', 1), op('cem', 1)],
      state: { declined: [], recentAssignees: ['ben', 'ana', 'ana'] },
      expected: 'cem',
    },
    {
      given: 'round-robin history but more free capacity elsewhere',
      candidates: [op('ana', 0), op('ben', 1)],
      state: { declined: [], recentAssignees: ['ben', 'ana'] },
      expected: 'ana',
    },
    {
      given: 'the freest operator already declined',
      candidates: [op('ana', 0), op('ben', 2)],
      state: { declined: ['ana'], recentAssignees: [] },
      expected: 'ben',
    },
    {
      given: 'everyone free declined',
      candidates: [op('ana', 0), op('ben', 3)],
      state: { declined: ['ana'], recentAssignees: [] },
      expected: null,
    },
    {
      given: 'a German conversation and a busier German speaker',
      candidates: [op('ana', 0, 3, { languages: ['en'] }), op('ben', 2, 3, { languages: ['de-AT', 'en'] })],
      state: { ...fresh, language: 'de' },
      expected: 'ben',
    },
    {
      given: 'a German conversation and no German speaker free',
      candidates: [op('ana', 1, 3, { languages: ['en'] }), op('ben', 3, 3, { languages: ['de'] }), op('cem', 0)],
      state: { ...fresh, language: 'DE-de' },
      expected: 'cem',
    },
  ])('given $given, offers it to $expected', ({ candidates, state, expected }) => {
    expect(chooseAssignee(candidates, state)?.operatorId ?? null).toBe(expected);
  });

  it('returns the caller’s own candidate object', () => {
    const ana = { ...op('ana', 0), name: 'Ana' };
    expect(chooseAssignee([ana], fresh)).toBe(ana);
  });
});
