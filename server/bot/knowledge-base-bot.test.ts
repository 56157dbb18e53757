import { describe, expect, it } from 'vitest';
import { SiteConfig } from '../../shared/site-config';
import { localizedReply } from '../domain/knowledge-base-bot';
import { demoBotConfig } from '../seed/demo-knowledge-base';
import type { BotInput } from './bot';
import { createOutboundFetch } from '../security/outbound-fetch';
import { STRICT_OUTBOUND_POLICY } from '../security/outbound-url';
import { createBot } from './create-bot';

const visitor = { name: null, email: null, locale: 'en', page: null, verified: false, tags: [] };
const ask = (...turns: BotInput['turns']): BotInput => ({ siteId: 'lumen', conversationId: 'c1', turns, visitor });
const bot = createBot(demoBotConfig, { siteSecret: 'unused', fetch: createOutboundFetch(STRICT_OUTBOUND_POLICY) });

describe('knowledge base bot', () => {
  it('answers the latest visitor question with the matching entry', async () => {
    const reply = await bot.reply(
      ask(
        { from: 'visitor', text: 'Which payment methods do you take?' },
        { from: 'bot', text: 'We accept iDEAL…', confidence: 0.9 },
        { from: 'visitor', text: 'How can I return my order?' },
      ),
    );
    expect(reply).toMatchObject({ intent: 'returns', fallback: false, toolError: false, handoff: false });
    expect(reply.reply).toContain('within 30 days');
    expect(reply.confidence).toBeGreaterThanOrEqual(demoBotConfig.confidenceThreshold);
  });

  it('reports facts from every visitor turn, the latest winning', async () => {
    const reply = await bot.reply(
      ask(
        { from: 'visitor', text: 'My order #48213 has not arrived, email ana@example.com' },
        { from: 'visitor', text: 'Sorry, it is order 48214. Where is my order?' },
      ),
    );
    expect(reply.facts).toEqual({ email: 'ana@example.com', orderNumber: '48214' });
    expect(reply.intent).toBe('order_status');
  });

  it('falls back with the site fallback reply when nothing comes close', async () => {
    const reply = await bot.reply(ask({ from: 'visitor', text: 'Can I bring my dog to your office party?' }));
    expect(reply).toMatchObject({
      reply: localizedReply(demoBotConfig.fallbackReply, 'en'),
      fallback: true,
      intent: null,
      toolError: false,
    });
    expect(reply.confidence).toBeLessThan(demoBotConfig.confidenceThreshold);
  });

  it('marks the fallback that stands in for a near miss as unsure, so the low-confidence setting applies', async () => {
    const nearMiss = await bot.reply(ask({ from: 'visitor', text: 'Do you ship to Norway?' }));
    expect(nearMiss).toMatchObject({ reply: localizedReply(demoBotConfig.fallbackReply, 'en'), fallback: true, unsure: true });
    const offTopic = await bot.reply(ask({ from: 'visitor', text: 'Can I bring my dog to your office party?' }));
    expect(offTopic).toMatchObject({ fallback: true });
    expect(offTopic.unsure).toBeUndefined();
  });

  it('says clearly what it cannot do for an out-of-scope topic: an answer the engine reads as out of scope, not a fallback', async () => {
    const reply = await bot.reply(ask({ from: 'visitor', text: 'Can you give me legal advice? I want to sue the courier.' }));
    expect(reply).toMatchObject({ intent: 'legal', fallback: false });
    expect(reply.reply).toContain('not able to give legal advice');
  });

  it('works with the day-one default configuration', async () => {
    const defaults = createBot(SiteConfig.parse({}).bot, { siteSecret: 'unused', fetch: createOutboundFetch(STRICT_OUTBOUND_POLICY) });
    expect(await defaults.reply(ask({ from: 'visitor', text: 'Are you a robot?' }))).toMatchObject({
      intent: 'about_bot',
      fallback: false,
    });
    expect(await defaults.reply(ask({ from: 'visitor', text: 'Where is my order?' }))).toMatchObject({ fallback: true });
  });

  it('rejects when the caller has already aborted', async () => {
    await expect(bot.reply(ask({ from: 'visitor', text: 'hi' }), AbortSignal.abort(new Error('barged in')))).rejects.toThrow('barged in');
  });
});
