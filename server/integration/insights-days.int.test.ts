import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alwaysOpenSchedule } from '../../shared/config/hours';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

// Insights' days are the site's (its hours' time zone), not UTC: a handoff at 23:30 UTC is the next
// day's in Tokyo, and Tokyo's "today" (the default range's end) is already that day. The clock runs at
// real speed, set to read 23:30 UTC now.

const DAY_MS = 86_400_000;
const utcToday = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
const at2330 = utcToday.getTime() + 23.5 * 3_600_000;
const offset = at2330 - Date.now();
const utcDay = utcToday.toISOString().slice(0, 10);
const tokyoDay = new Date(utcToday.getTime() + DAY_MS).toISOString().slice(0, 10);

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ clock: { now: () => new Date(Date.now() + offset) } });
  await seedSite(h, { siteId: 'site-t', siteKey: 'key-t', config: { hours: { ...alwaysOpenSchedule, timeZone: 'Asia/Tokyo' } } });
  await seedOperator(h, { operatorId: 'op-kei', email: 'kei@t.test', name: 'Kei Admin', siteIds: ['site-t'], role: 'admin' });
});
afterEach(() => h.close());

describe("Insights' days", () => {
  it("count a handoff on the site's day and end the default range on the site's today", async () => {
    const kei = await loginOperator(h, 'kei@t.test');
    const { client } = await visitorSession(h, 'key-t');
    client.send({ type: 'send_message', clientMessageId: 'm1', text: 'My invoice is wrong' });
    const conversationId = (await client.waitFor('message_added')).message.conversationId;
    client.send({ type: 'request_human', clientMessageId: 'h1' });
    await client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
    client.close();

    const byDefault = await kei.fetch('/api/sites/site-t/insights');
    expect(byDefault.body).toMatchObject({ to: tokyoDay, figures: { handoffs: 1 } });
    const onTokyoDay = await kei.fetch(`/api/sites/site-t/insights?from=${tokyoDay}&to=${tokyoDay}`);
    expect(onTokyoDay.body.figures.handoffs).toBe(1);
    const onUtcDay = await kei.fetch(`/api/sites/site-t/insights?from=${utcDay}&to=${utcDay}`);
    expect(onUtcDay.body.figures.handoffs).toBe(0);
    const listed = await kei.fetch(`/api/sites/site-t/insights/conversations?measure=escalated&from=${tokyoDay}&to=${tokyoDay}`);
    expect(listed.body.conversations).toMatchObject([{ conversationId }]);
  });
});
