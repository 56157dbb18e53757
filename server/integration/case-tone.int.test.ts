import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
});
afterEach(() => h.close());

describe('the case package in the site’s tone', () => {
  it('suggests a formal first reply when the site is set to formal', async () => {
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { replyTone: 'formal' } });
    const { client } = await visitorSession(h, 'key-a');
    client.send({ type: 'request_human', clientMessageId: 'h' });
    const id = (await client.waitFor('message_added')).message.conversationId;
    await client.waitFor('handoff_started');
    const ana = await loginOperator(h, 'ana@a.test');
    const detail = await ana.fetch(`/api/conversations/${id}`);
    expect(detail.status).toBe(200);
    const pkg = detail.body.casePackage;
    expect(pkg.replyTone).toBe('formal');
    expect(pkg.suggestedReplies).toEqual([{ trigger: 'human_request', text: pkg.suggestedReply }]);
    expect(pkg.suggestedReply).toMatch(/^Hello, thank you for waiting — I am here to help/);
    client.close();
  });
});
