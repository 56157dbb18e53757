import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultQueues } from '../../shared/config/queues';
import { OperatorProfileResponse, OperatorProfilesResponse } from '../../shared/http';
import { connectOperator, loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

let h: Harness;

/** Site A's general queue offers automatically to Sam only, who has room for one conversation. */
beforeEach(async () => {
  h = await startHarness();
  const queues = defaultQueues.map((q) => (q.id === 'general' ? { ...q, mode: 'automatic' as const, members: ['op-sam'] } : q));
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a', config: { queues } });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana', siteIds: ['site-a'], role: 'admin' });
  await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a'], capacity: 1 });
  await seedOperator(h, { operatorId: 'op-bo', email: 'bo@b.test', name: 'Bo', siteIds: ['site-b'], role: 'admin' });
});
afterEach(() => h.close());

const stored = (operatorId: string) => h.deps.store.operators.get(operatorId);
const patchSam = { method: 'PATCH', body: { capacity: 2, languages: ['en', 'pt-br', 'PT-BR'], skills: ['returns', 'b2b'] } };
const notFound = (message: string) => ({ code: 'not_found', message });

describe('who may see and change operators', () => {
  it('lists the site’s operators for an admin, with role, load, languages and skills', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/operator-profiles');
    expect(res.status).toBe(200);
    const { operators } = OperatorProfilesResponse.parse(res.body);
    expect(operators.map((o) => o.operatorId).sort()).toEqual(['op-ana', 'op-sam']);
    expect(operators.find((o) => o.operatorId === 'op-sam')).toEqual({
      operatorId: 'op-sam',
      name: 'Sam',
      role: 'operator',
      presence: 'online',
      capacity: 1,
      active: 0,
      languages: ['en'],
      skills: [],
    });
  });

  it('refuses a plain operator, listing and changing, and changes nothing', async () => {
    const sam = await loginOperator(h, 'sam@a.test');
    expect(await sam.fetch('/api/sites/site-a/operator-profiles')).toEqual({
      status: 403,
      body: { code: 'forbidden', message: "Only admins can see operators' capacity, languages and skills." },
    });
    expect(await sam.fetch('/api/sites/site-a/operators/op-sam', patchSam)).toEqual({
      status: 403,
      body: { code: 'forbidden', message: "Only admins can change operators' capacity, languages and skills." },
    });
    expect((await stored('op-sam'))?.capacity).toBe(1);
  });

  it('answers another site’s operator as not found, whichever site the URL names', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    expect(await ana.fetch('/api/sites/site-a/operators/op-bo', { method: 'PATCH', body: { capacity: 9 } })).toEqual({
      status: 404,
      body: notFound('No operator with that id on this site.'),
    });
    expect(await ana.fetch('/api/sites/site-b/operators/op-bo', { method: 'PATCH', body: { capacity: 9 } })).toEqual({
      status: 404,
      body: notFound('Nothing was found with that id.'),
    });
    expect((await ana.fetch('/api/sites/site-b/operator-profiles')).status).toBe(404);
    expect(await ana.fetch('/api/sites/site-a/operators/op-nobody', { method: 'PATCH', body: { capacity: 9 } })).toMatchObject({
      status: 404,
    });
    expect((await stored('op-bo'))?.capacity).toBe(5);
    expect(await h.db.collection('audit').countDocuments({ action: 'operator_changed' })).toBe(0);
  });
});

describe('changing an operator', () => {
  it('refuses out-of-range capacity and bad tags, each at its own field, and stores nothing', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/operators/op-sam', {
      method: 'PATCH',
      body: { capacity: 51, languages: ['en', 'english_US'], skills: ['returns', 'Big Deals'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: 'capacity', message: 'Capacity is at most 50 conversations at a time.' },
      { path: 'languages.1', message: 'Not a BCP 47 language tag; write it like en, pt-BR or zh-Hant.' },
      { path: 'skills.1', message: 'A skill is 1 to 32 lowercase letters, digits, - or _, like returns or b2b.' },
    ]);
    const zero = await ana.fetch('/api/sites/site-a/operators/op-sam', { method: 'PATCH', body: { capacity: 0 } });
    expect(zero.body.issues).toEqual([{ path: 'capacity', message: 'Capacity is at least 1 conversation at a time.' }]);
    expect(await stored('op-sam')).toMatchObject({ capacity: 1, languages: ['en'], skills: [] });
  });

  it('stores canonical tags once each, answers the new profile and audits what changed', async () => {
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/operators/op-sam', patchSam);
    expect(res.status).toBe(200);
    const expected = {
      operatorId: 'op-sam',
      name: 'Sam',
      role: 'operator',
      presence: 'online',
      capacity: 2,
      active: 0,
      languages: ['en', 'pt-BR'],
      skills: ['returns', 'b2b'],
    };
    expect(OperatorProfileResponse.parse(res.body)).toEqual({ operator: expected });
    expect(await stored('op-sam')).toMatchObject({ capacity: 2, languages: ['en', 'pt-BR'], skills: ['returns', 'b2b'] });

    const audit = await h.db.collection('audit').find({ action: 'operator_changed' }).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      siteId: 'site-a',
      conversationId: null,
      actor: { kind: 'operator', operatorId: 'op-ana', name: 'Ana' },
      reasons: ['capacity', 'languages', 'skills'],
      note: 'Sam (op-sam): capacity 1 → 2; languages en → en, pt-BR; skills none → returns, b2b',
    });

    // Sending the same values again changes nothing, so nothing more is audited.
    await ana.fetch('/api/sites/site-a/operators/op-sam', patchSam);
    expect(await h.db.collection('audit').countDocuments({ action: 'operator_changed' })).toBe(1);
  });

  it('answers an empty change with the profile as it is, and writes, audits and announces nothing', async () => {
    const samSocket = await connectOperator(h, await loginOperator(h, 'sam@a.test'));
    const storedBefore = await stored('op-sam');
    const ana = await loginOperator(h, 'ana@a.test');
    const res = await ana.fetch('/api/sites/site-a/operators/op-sam', { method: 'PATCH', body: {} });
    expect(res.status).toBe(200);
    expect(OperatorProfileResponse.parse(res.body).operator).toMatchObject({
      operatorId: 'op-sam',
      capacity: 1,
      languages: ['en'],
      skills: [],
    });
    expect(await stored('op-sam')).toEqual(storedBefore);
    expect(await h.db.collection('audit').countDocuments({ action: 'operator_changed' })).toBe(0);
    expect((await samSocket.eventsBeforePong()).some((e) => e.type === 'operator_updated')).toBe(false);
    samSocket.close();
  });

  it('audits the change on every site of the operator, so each site’s admins see it', async () => {
    await seedOperator(h, { operatorId: 'op-sam', email: 'sam@a.test', name: 'Sam', siteIds: ['site-a', 'site-b'], capacity: 1 });
    const boSocket = await connectOperator(h, await loginOperator(h, 'bo@b.test'));
    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch('/api/sites/site-a/operators/op-sam', { method: 'PATCH', body: { capacity: 3 } })).status).toBe(200);

    const audit = await h.db.collection('audit').find({ action: 'operator_changed' }).sort({ siteId: 1 }).toArray();
    const entry = {
      conversationId: null,
      actor: { kind: 'operator', operatorId: 'op-ana', name: 'Ana' },
      reasons: ['capacity'],
      note: 'Sam (op-sam): capacity 1 → 3',
    };
    expect(audit).toEqual([
      expect.objectContaining({ siteId: 'site-a', ...entry }),
      expect.objectContaining({ siteId: 'site-b', ...entry }),
    ]);
    expect(await boSocket.waitFor('operator_updated')).toEqual({
      type: 'operator_updated',
      operatorId: 'op-sam',
      capacity: 3,
      languages: ['en'],
      skills: [],
    });
    boSocket.close();
  });

  it('tells the site’s inboxes at once, and offers the backlog when capacity grows', async () => {
    const { client: first } = await visitorSession(h, 'key-a');
    first.send({ type: 'request_human', clientMessageId: 'h' });
    const firstId = (await first.waitFor('message_added')).message.conversationId;
    await waitFor(async () => (await h.deps.store.conversations.get(firstId))?.offer?.operatorId === 'op-sam');
    const { client: second } = await visitorSession(h, 'key-a');
    second.send({ type: 'request_human', clientMessageId: 'h' });
    const secondId = (await second.waitFor('message_added')).message.conversationId;
    await second.waitFor('handoff_started');
    // Sam is full: the second visitor waits.
    expect((await h.deps.store.conversations.get(secondId))?.offer).toBeNull();

    const samSocket = await connectOperator(h, await loginOperator(h, 'sam@a.test'));
    const ana = await loginOperator(h, 'ana@a.test');
    expect((await ana.fetch('/api/sites/site-a/operators/op-sam', { method: 'PATCH', body: { capacity: 2 } })).status).toBe(200);

    expect(await samSocket.waitFor('operator_updated')).toEqual({
      type: 'operator_updated',
      operatorId: 'op-sam',
      capacity: 2,
      languages: ['en'],
      skills: [],
    });
    const page = await samSocket.waitFor('paged', (e) => e.conversation.conversationId === secondId);
    expect(page.reason).toBe('offer');
    expect((await h.deps.store.conversations.get(secondId))?.offer?.operatorId).toBe('op-sam');
    for (const c of [first, second, samSocket]) c.close();
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 50; tries++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition never held');
}
