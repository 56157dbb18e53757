import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationDoc } from '../store/documents';
import { visitorSession } from '../test-support/clients';
import { conversationDoc } from '../test-support/conversation-doc';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@a.test', name: 'Bo Berg', siteIds: ['site-a'] });
});
afterEach(() => h.close());

/** Claimed conversations of site-a, each claimed `seconds[i]` after its escalation, within the last hour. */
async function seedClaims(seconds: number[]) {
  const now = Date.now();
  await h.db.collection<ConversationDoc>('conversations').insertMany(
    seconds.map((wait, i) => {
      const escalatedAt = new Date(now - 3600_000 + i * 60_000);
      return conversationDoc({
        _id: `past-${i}`,
        siteId: 'site-a',
        visitorId: `v-${i}`,
        state: 'resolved',
        createdAt: escalatedAt,
        escalatedAt,
        claimedAt: new Date(escalatedAt.getTime() + wait * 1000),
      });
    }),
  );
}

describe('the team in the welcome', () => {
  it('names the site’s people by first name and initial, and says nothing of their pace without enough claims', async () => {
    await seedClaims([60, 60, 60]);
    const { client, welcome } = await visitorSession(h, 'key-a');
    expect(welcome.team.members.map((m) => m.name).sort()).toEqual(['Ana', 'Bo']);
    expect(welcome.team.members.find((m) => m.name === 'Ana')).toEqual({ name: 'Ana', initial: 'A' });
    expect(welcome.team.replyMinutes).toBeNull();
    client.close();
  });

  it('gives the median time to a person of recent claims, rounded up to a minute', async () => {
    await seedClaims([40, 70, 150, 160, 200, 3000]);
    const { client, welcome } = await visitorSession(h, 'key-a');
    // Median of the six: (150 + 160) / 2 = 155 s, so "3 minutes".
    expect(welcome.team.replyMinutes).toBe(3);
    client.close();
  });
});
