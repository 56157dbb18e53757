import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import { defaultVisitorStrings } from '../../shared/visitor-strings';
import { createChatModel } from './chat-model';
import type { FileTransport } from './chat-model-types';
import { noticeText } from './notice';
import { createFakeClock } from '../testing/fake-clock';
import { createFakeConnection } from '../testing/fake-connection';
import { message, welcome } from '../testing/fixtures';
import { MemoryStorage } from '../testing/memory-storage';
import { createVisitorStore } from './visitor-storage';

function setup(answer: ErrorCode | null = null) {
  const fake = createFakeConnection();
  const uploads: { name: string; clientMessageId: string }[] = [];
  const replies: number[] = [];
  const files: FileTransport = {
    async upload(_file, name, clientMessageId) {
      uploads.push({ name, clientMessageId });
      return answer;
    },
    read: async () => new Blob(['x']),
  };
  let ids = 0;
  const model = createChatModel({
    connection: fake.connection,
    store: createVisitorStore('site-1', new MemoryStorage(), new EventTarget()),
    clock: createFakeClock().clock,
    newId: () => `id-${++ids}`,
    context: () => ({ locale: 'en' }),
    fallbackStrings: defaultVisitorStrings.en,
    files,
    onPersonReply: () => replies.push(1),
  });
  model.start();
  return { model, fake, uploads, replies };
}

describe('attachments in the chat model', () => {
  it('uploads only once the server welcomed the socket, and says nothing when it was accepted', async () => {
    const t = setup();
    expect(await t.model.attach(new Blob(['png']), 'shot.png')).toBe(false);
    t.fake.open();
    t.fake.deliver(welcome());
    expect(await t.model.attach(new Blob(['png']), 'shot.png')).toBe(true);
    expect(t.uploads).toEqual([{ name: 'shot.png', clientMessageId: 'id-1' }]);
    expect(t.model.notice.value).toBeNull();
    expect(t.model.attaching.value).toBe(false);
  });

  it('shows a refused file in the visitor’s words, by its code', async () => {
    const t = setup('attachment_type_forbidden');
    t.fake.open();
    t.fake.deliver(welcome());
    expect(await t.model.attach(new Blob(['MZ']), 'tool.exe')).toBe(false);
    const notice = t.model.notice.value;
    expect(notice).toEqual({ kind: 'error', code: 'attachment_type_forbidden' });
    expect(notice && noticeText(notice, defaultVisitorStrings.en)).toBe(defaultVisitorStrings.en.attachForbidden);
  });
});

describe('the team and replies from people', () => {
  it('keeps the welcome’s team, and tells the panel of live replies from a person only', () => {
    const t = setup();
    t.fake.open();
    t.fake.deliver(
      welcome({
        team: { members: [{ name: 'Ana', initial: 'A' }], replyMinutes: 4 },
        messages: [message(1, { sender: { kind: 'operator', name: 'Ana' } })],
      }),
    );
    expect(t.model.team.value).toEqual({ members: [{ name: 'Ana', initial: 'A' }], replyMinutes: 4 });
    expect(t.replies).toEqual([]);
    t.fake.deliver({ type: 'message_added', message: message(2, { sender: { kind: 'bot' } }) });
    expect(t.replies).toEqual([]);
    t.fake.deliver({ type: 'message_added', message: message(3, { sender: { kind: 'operator', name: 'Ana' } }) });
    expect(t.replies).toEqual([1]);
  });
});
