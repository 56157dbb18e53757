import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';
import { type KeyInput, shortcutFor } from './shortcuts';

describe('routes', () => {
  it.each([
    ['', { section: 'awaiting', conversationId: null }],
    ['#/mine', { section: 'mine', conversationId: null }],
    ['#/live/c%2F9', { section: 'live', conversationId: 'c/9' }],
    ['#/settings/c1', { section: 'settings', conversationId: null }],
    ['#/insights/c1', { section: 'insights', conversationId: null }],
    ['#/nowhere/c1', { section: 'awaiting', conversationId: null }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(parseRoute(formatRoute(parseRoute(hash)))).toEqual(route);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    inEditable: false,
    inComposer: false,
    ...extra,
  });

  it('maps j, k, c and r outside form fields', () => {
    expect(['j', 'k', 'c', 'r', 'x'].map((k) => shortcutFor(key(k), true))).toEqual(['next', 'previous', 'claim', 'focus_reply', null]);
  });

  it('leaves letters alone while typing, with modifiers, or when switched off', () => {
    expect(shortcutFor(key('j', { inEditable: true }), true)).toBeNull();
    expect(shortcutFor(key('c', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('j'), false)).toBeNull();
  });

  it('sends with Ctrl+Enter or Cmd+Enter from the composer only', () => {
    expect(shortcutFor(key('Enter', { ctrlKey: true, inEditable: true, inComposer: true }), false)).toBe('send');
    expect(shortcutFor(key('Enter', { metaKey: true, inEditable: true, inComposer: true }), true)).toBe('send');
    expect(shortcutFor(key('Enter', { ctrlKey: true, inEditable: true }), true)).toBeNull();
  });
});
