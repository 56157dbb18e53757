import { describe, expect, it } from 'vitest';
import type { Urgency } from '../../shared/entities';
import { orderQueue, positionOf } from './queue-order';

const waiting = (id: string, urgency: Urgency, waitingSince: string) => ({ id, urgency, waitingSince });

describe('orderQueue', () => {
  it.each([
    {
      given: 'the same urgency',
      queue: [waiting('b', 'normal', '2024-06-03T10:05:00Z'), waiting('a', 'normal', '2024-06-03T10:00:00Z')],
      expected: ['a', 'b'],
    },
    {
      given: 'an urgent newcomer behind older normal conversations',
      queue: [
        waiting('old', 'normal', '2024-06-03T10:00:00Z'),
        waiting('urgent', 'urgent', '2024-06-03T10:30:00Z'),
        waiting('high', 'high', '2024-06-03T10:20:00Z'),
      ],
      expected: ['urgent', 'high', 'old'],
    },
    {
      given: 'low urgency waiting longest',
      queue: [waiting('low', 'low', '2024-06-03T09:00:00Z'), waiting('normal', 'normal', '2024-06-03T10:00:00Z')],
      expected: ['normal', 'low'],
    },
    {
      given: 'instants in different offsets',
      queue: [waiting('berlin', 'normal', '2024-06-03T12:01:00+02:00'), waiting('utc', 'normal', '2024-06-03T10:02:00Z')],
      expected: ['berlin', 'utc'],
    },
    {
      given: 'an exact tie',
      queue: [waiting('y', 'high', '2024-06-03T10:00:00Z'), waiting('x', 'high', '2024-06-03T10:00:00Z')],
      expected: ['x', 'y'],
    },
    { given: 'an empty queue', queue: [], expected: [] },
  ])('given $given, orders $expected', ({ queue, expected }) => {
    const ordered = orderQueue(queue);
    expect(ordered.map((c) => c.id)).toEqual(expected);
    expect(ordered.map((c) => c.position)).toEqual(expected.map((_, i) => i + 1));
  });

  it('keeps the caller’s extra fields and does not reorder the input', () => {
    const queue = [
      { ...waiting('b', 'low', '2024-06-03T10:00:00Z'), visitorName: 'Bo' },
      { ...waiting('a', 'urgent', '2024-06-03T10:01:00Z'), visitorName: 'Al' },
    ];
    expect(orderQueue(queue)[1]).toEqual({ ...queue[0], position: 2 });
    expect(queue[0]?.id).toBe('b');
  });
});

describe('positionOf', () => {
  const queue = [
    waiting('a', 'normal', '2024-06-03T10:00:00Z'),
    waiting('b', 'urgent', '2024-06-03T10:10:00Z'),
    waiting('c', 'normal', '2024-06-03T10:05:00Z'),
  ];
  it.each([
    { when: 'b', expected: 1 },
    { when: 'a', expected: 2 },
    { when: 'c', expected: 3 },
    { when: 'not-queued', expected: null },
  ])('places $when at $expected', ({ when, expected }) => {
    expect(positionOf(queue, when)).toBe(expected);
  });
});
