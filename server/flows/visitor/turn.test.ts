import { describe, expect, it } from 'vitest';
import type { SiteConfigInput } from '../../../shared/site-config';
import type { ConversationDoc } from '../../store/documents';
import { mayDeferStamps } from './turn';
import { siteDoc } from '../../test-support/site-doc';

const siteWith = (config: SiteConfigInput) => siteDoc(config, { updatedAt: new Date('2026-12-07T08:00:00Z') });
const now = new Date('2026-12-07T09:00:00Z');
const copy = (over: Partial<ConversationDoc> = {}) =>
  ({
    _id: 'c1',
    state: 'bot',
    version: 1,
    lastSeq: 2,
    lastVisitorActivityAt: new Date(now.getTime() - 60_000),
    ...over,
  }) as ConversationDoc;

describe('a visitor message leaving its stamps to the bot reply', () => {
  it('does so on a copy the bot holds, with a bot that does not stream, from a visitor active just now', () => {
    expect(mayDeferStamps(siteWith({}), copy(), now)).toBe(true);
  });

  it('does not without a copy, for a conversation a person holds, or for a streaming AI agent', () => {
    expect(mayDeferStamps(siteWith({}), null, now)).toBe(false);
    expect(mayDeferStamps(siteWith({}), copy({ state: 'queued' }), now)).toBe(false);
    const agent = siteWith({ bot: { kind: 'openai', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' } });
    expect(mayDeferStamps(agent, copy(), now)).toBe(false);
  });

  it('does not for a visitor back after half the inactivity limit, whom the sweep might close meanwhile', () => {
    const site = siteWith({ inactivity: { botMinutes: 30 } });
    expect(mayDeferStamps(site, copy({ lastVisitorActivityAt: new Date(now.getTime() - 14 * 60_000) }), now)).toBe(true);
    expect(mayDeferStamps(site, copy({ lastVisitorActivityAt: new Date(now.getTime() - 16 * 60_000) }), now)).toBe(false);
  });
});
