import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments';
import { eraseVisitorData, exportVisitorData } from '../flows/admin/visitor-data';
import { loginOperator, visitorSession } from '../test-support/clients';
import { type Harness, seedOperator, seedSite, startHarness } from '../test-support/harness';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e221bc330000000049454e44ae426082',
  'hex',
);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await seedSite(h, { siteId: 'site-a', siteKey: 'key-a' });
  await seedSite(h, { siteId: 'site-b', siteKey: 'key-b' });
  await seedOperator(h, { operatorId: 'op-ana', email: 'ana@a.test', name: 'Ana Lima', siteIds: ['site-a'] });
  await seedOperator(h, { operatorId: 'op-cy', email: 'cy@b.test', name: 'Cy Bell', siteIds: ['site-b'] });
});
afterEach(() => h.close());

function upload(path: string, body: Buffer, name: string, headers: Record<string, string>) {
  const separator = path.includes('?') ? '&' : '?';
  return fetch(`${h.baseUrl}${path}${separator}name=${encodeURIComponent(name)}`, {
    method: 'POST',
    // As the widget sends it: a CORS simple request; the declared type means nothing to the server.
    headers: { 'content-type': 'text/plain', ...headers },
    body: new Uint8Array(body),
  });
}
const widgetUpload = (clientMessageId: string, token: string) =>
  `/api/widget/attachments?site=key-a&clientMessageId=${clientMessageId}&token=${encodeURIComponent(token)}`;
const widgetFile = (id: string, token?: string) =>
  `${h.baseUrl}/api/widget/attachments/${id}?site=key-a${token ? `&token=${encodeURIComponent(token)}` : ''}`;

async function visitorWithConversation() {
  const { client, welcome } = await visitorSession(h, 'key-a');
  client.send({ type: 'request_human', clientMessageId: 'h1' });
  const queued = await client.waitFor('conversation_updated', (e) => e.conversation.state === 'queued');
  return { client, token: welcome.visitorToken, conversationId: queued.conversation.conversationId };
}

describe('a visitor attaching a file', () => {
  it('posts an image as their message, stored in GridFS and readable by them and the site’s operators only', async () => {
    const { client, token, conversationId } = await visitorWithConversation();
    const res = await upload(widgetUpload('f1', token), PNG, 'screen shot.png', {});
    expect(res.status).toBe(200);
    const { message } = (await res.json()) as { message: { attachment: { id: string } } };
    expect(message).toMatchObject({
      conversationId,
      text: 'screen shot.png',
      sender: { kind: 'visitor' },
      attachment: { name: 'screen shot.png', mediaType: 'image/png', size: PNG.length, image: true },
    });
    const added = await client.waitFor('message_added', (e) => e.message.clientMessageId === 'f1');
    expect(added.message.attachment?.id).toBe(message.attachment.id);
    const id = message.attachment.id;
    expect(await h.db.collection('attachments.files').countDocuments({ _id: id as never })).toBe(1);
    expect(await h.db.collection('attachments.chunks').countDocuments({ files_id: id as never })).toBe(1);

    const own = await fetch(widgetFile(id, token));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);

    const ana = await loginOperator(h, 'ana@a.test');
    const operatorRead = await fetch(`${h.baseUrl}/api/attachments/${id}`, { headers: { cookie: ana.cookie } });
    expect(operatorRead.status).toBe(200);
    expect(operatorRead.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''screen%20shot.png");

    const cy = await loginOperator(h, 'cy@b.test');
    expect((await fetch(`${h.baseUrl}/api/attachments/${id}`, { headers: { cookie: cy.cookie } })).status).toBe(404);
    expect((await fetch(`${h.baseUrl}/api/attachments/${id}`)).status).toBe(401);
    const stranger = await visitorSession(h, 'key-a');
    const strangerRead = await fetch(widgetFile(id, stranger.welcome.visitorToken));
    expect(strangerRead.status).toBe(404);
    expect((await fetch(widgetFile(id))).status).toBe(400);
    expect((await fetch(widgetFile(id, 'not-a-token'))).status).toBe(401);
    stranger.client.close();
    client.close();
  });

  it('refuses an executable named as an image, and a file over the limit, with codes and what to do', async () => {
    const { client, token, conversationId } = await visitorWithConversation();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const forbidden = await upload(widgetUpload('f2', token), exe, 'cat.png', {});
    expect(forbidden.status).toBe(415);
    expect(await forbidden.json()).toMatchObject({
      code: 'attachment_type_forbidden',
      message: expect.stringContaining('images (PNG, JPEG, GIF, WebP), PDF'),
    });
    const big = await upload(widgetUpload('f3', token), Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 65), 'big.txt', {});
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'attachment_too_large', message: expect.stringContaining('5 MB') });
    expect(await h.db.collection('attachments.files').countDocuments({})).toBe(0);
    expect(await h.db.collection('messages').countDocuments({ conversationId, attachment: { $exists: true } })).toBe(0);
    client.close();
  });

  it('accepts a file just under the limit as a download', async () => {
    const { client, token } = await visitorWithConversation();
    const text = Buffer.alloc(MAX_ATTACHMENT_BYTES, 'a');
    const res = await upload(widgetUpload('f4', token), text, 'log.txt', {});
    expect(res.status).toBe(200);
    const { message } = (await res.json()) as { message: { attachment: { id: string; size: number } } };
    expect(message.attachment.size).toBe(MAX_ATTACHMENT_BYTES);
    const read = await fetch(widgetFile(message.attachment.id, token));
    expect(read.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''log.txt");
    expect((await read.arrayBuffer()).byteLength).toBe(MAX_ATTACHMENT_BYTES);
    client.close();
  });
});

describe('an operator attaching a file', () => {
  it('sends a PDF once they own the conversation; the visitor receives it; before the claim it is refused', async () => {
    const { client, conversationId } = await visitorWithConversation();
    const ana = await loginOperator(h, 'ana@a.test');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');
    const headers = { cookie: ana.cookie, 'x-csrf-token': ana.csrf };
    const early = await upload(`/api/conversations/${conversationId}/attachments?clientMessageId=o1`, pdf, 'guide.pdf', headers);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'transition_not_allowed' });
    expect(
      (await upload(`/api/conversations/${conversationId}/attachments?clientMessageId=o1`, pdf, 'guide.pdf', { cookie: ana.cookie }))
        .status,
    ).toBe(403);

    expect((await ana.fetch(`/api/conversations/${conversationId}/claim`, { body: {} })).status).toBe(200);
    const sent = await upload(`/api/conversations/${conversationId}/attachments?clientMessageId=o2`, pdf, 'guide.pdf', headers);
    expect(sent.status).toBe(200);
    const added = await client.waitFor('message_added', (e) => e.message.sender.kind === 'operator' && e.message.attachment !== undefined);
    expect(added.message.attachment).toMatchObject({ name: 'guide.pdf', mediaType: 'application/pdf', image: false });
    const cy = await loginOperator(h, 'cy@b.test');
    const foreign = await upload(`/api/conversations/${conversationId}/attachments?clientMessageId=o3`, pdf, 'guide.pdf', {
      cookie: cy.cookie,
      'x-csrf-token': cy.csrf,
    });
    expect(foreign.status).toBe(404);
    client.close();
  });
});

describe("a visitor's data", () => {
  it('is exported with their files, bytes included', async () => {
    const { client, token, conversationId } = await visitorWithConversation();
    expect((await upload(widgetUpload('x1', token), PNG, 'receipt.png', {})).status).toBe(200);
    const conversation = await h.deps.store.conversations.get(conversationId);
    const exported = await exportVisitorData(h.deps, { kind: 'command_line' }, 'site-a', conversation?.visitorId ?? '');
    expect(exported.attachments).toHaveLength(1);
    expect(exported.attachments[0]).toMatchObject({
      conversationId,
      name: 'receipt.png',
      mediaType: 'image/png',
      size: PNG.length,
      uploadedBy: { kind: 'visitor' },
    });
    expect(Buffer.from(exported.attachments[0]!.contentBase64, 'base64').equals(PNG)).toBe(true);
    client.close();
  });

  it('is erased with their files, bytes and all', async () => {
    const { client, token, conversationId } = await visitorWithConversation();
    expect((await upload(widgetUpload('e1', token), PNG, 'me.png', {})).status).toBe(200);
    const conversation = await h.deps.store.conversations.get(conversationId);
    await eraseVisitorData(h.deps, { kind: 'command_line' }, 'site-a', conversation?.visitorId ?? '');
    expect(await h.db.collection('attachments.files').countDocuments({})).toBe(0);
    expect(await h.db.collection('attachments.chunks').countDocuments({})).toBe(0);
    client.close();
  });
});
