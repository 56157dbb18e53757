import { describe, expect, it } from 'vitest';
import type { HandoverRule } from '../shared/config/routing';
import { catchesAll, moved, newRuleId, parseTagList, withCondition, withMember } from './models/settings-edits';

const rule = (id: string, when: HandoverRule['when'] = { intents: ['billing'] }): HandoverRule => ({ id, when, queue: 'general' });

describe('queue member checklist', () => {
  it.each([
    { given: [], tick: 'op-sam', on: true, expected: ['op-sam'] },
    { given: ['op-ana'], tick: 'op-sam', on: true, expected: ['op-ana', 'op-sam'] },
    { given: ['op-ana', 'op-sam'], tick: 'op-sam', on: true, expected: ['op-ana', 'op-sam'] },
    { given: ['op-ana', 'op-sam'], tick: 'op-ana', on: false, expected: ['op-sam'] },
    { given: ['op-gone'], tick: 'op-gone', on: false, expected: [] },
  ])('ticking $tick ($on) in $given gives $expected', ({ given, tick, on, expected }) => {
    expect(withMember(given, tick, on)).toEqual(expected);
  });
});

describe('reordering handover rules', () => {
  const rules = ['a', 'b', 'c'];
  it.each([
    { from: 1, to: 0, expected: ['b', 'a', 'c'] },
    { from: 0, to: 2, expected: ['b', 'c', 'a'] },
    { from: 2, to: 1, expected: ['a', 'c', 'b'] },
    { from: 0, to: -1, expected: ['a', 'b', 'c'] },
    { from: 2, to: 3, expected: ['a', 'b', 'c'] },
  ])('moves $from to $to', ({ from, to, expected }) => {
    expect(moved(rules, from, to)).toEqual(expected);
    expect(rules).toEqual(['a', 'b', 'c']);
  });
});

describe('rule conditions', () => {
  it('sets a list condition and keeps the others', () => {
    expect(withCondition({ intents: ['billing'] }, 'languages', ['de', 'fr'])).toEqual({ intents: ['billing'], languages: ['de', 'fr'] });
  });

  it('removes an emptied condition instead of storing one that matches nothing (or every page)', () => {
    expect(withCondition({ intents: ['billing'], tags: ['vip'] }, 'tags', [])).toEqual({ intents: ['billing'] });
    expect(withCondition({ pageContains: '/pricing' }, 'pageContains', '   ')).toEqual({});
    expect(withCondition({}, 'pageContains', ' /pricing ')).toEqual({ pageContains: '/pricing' });
  });

  it('tells a rule that takes every handoff', () => {
    expect(catchesAll(rule('all', {}))).toBe(true);
    expect(catchesAll(rule('some', { triggers: ['buying_intent'] }))).toBe(false);
  });

  it('reads comma or space separated tags', () => {
    expect(parseTagList(' en, pt-BR  de,,')).toEqual(['en', 'pt-BR', 'de']);
    expect(parseTagList('  ')).toEqual([]);
  });
});

describe('a new rule id', () => {
  it('is the first rule-N no rule has', () => {
    expect(newRuleId([])).toBe('rule-1');
    expect(newRuleId([rule('vip'), rule('sales')])).toBe('rule-3');
    expect(newRuleId([rule('rule-2'), rule('rule-3')])).toBe('rule-4');
  });
});
