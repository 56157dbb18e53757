import { afterEach, describe, expect, it } from 'vitest';
import { loadEmbeddingsConfig } from '../services/embeddings';
import { visitorSession } from '../test-support/clients';
import { type Harness, seedSite, startHarness } from '../test-support/harness';

// The semantic half of repeat explanation, against the real embeddings service scripts/with-db.sh
// starts: after the handoff, a turn that means what the visitor told the bot counts as a
// restatement; an unrelated one does not; without the service, the facts alone decide.

let h: Harness;
afterEach(() => h?.close());

const TO_THE_BOT = 'My package never arrived and I need it before Friday';
const RESTATED = 'My package still has not arrived and I need it before Friday';

async function handOffThenSay(later: string) {
  const { client } = await visitorSession(h, 'key-a');
  client.send({ type: 'send_message', clientMessageId: 'm1', text: TO_THE_BOT });
  const id = (await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm1')).message.conversationId;
  client.send({ type: 'request_human', clientMessageId: 'h' });
  await client.waitFor('handoff_started');
  client.send({ type: 'send_message', clientMessageId: 'm2', text: later });
  await client.waitFor('message_added', (e) => e.message.clientMessageId === 'm2');
  return id;
}

/** The episode's restatement count once the background check had time to finish (it never holds up the message). */
async function restatedIn(id: string): Promise<number> {
  const giveUpAt = Date.now() + 15_000;
  let restated = 0;
  while (Date.now() < giveUpAt) {
    restated = (await h.deps.store.conversations.get(id))?.episodes?.at(-1)?.repeats?.visitorRestated ?? 0;
    if (restated > 0) return restated;
    await new Promise((r) => setTimeout(r, 200));
  }
  return restated;
}

describe('repeat explanation by meaning', () => {
  it('counts a turn after the handoff that means what the visitor told the bot, and not an unrelated one', {
    timeout: 60_000,
  }, async () => {
    if (!process.env.EMBEDDINGS_URL) throw new Error('EMBEDDINGS_URL is not set: run this file through scripts/with-db.sh');
    h = await startHarness({ flowOptions: { embeddings: { ...loadEmbeddingsConfig(process.env), timeoutMs: 10_000 } } });
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    expect(await restatedIn(await handOffThenSay(RESTATED))).toBe(1);
    expect(await restatedIn(await handOffThenSay('Do you also sell lampshades in green?'))).toBe(0);
  });

  it('counts nothing by meaning without the embeddings service (facts only)', { timeout: 60_000 }, async () => {
    h = await startHarness();
    await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
    expect(await restatedIn(await handOffThenSay(RESTATED))).toBe(0);
  });
});
