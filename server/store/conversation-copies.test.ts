import { describe, expect, it } from 'vitest';
import { createConversationCopies } from './conversation-copies';
import type { ConversationDoc } from './documents';

const doc = (over: Partial<ConversationDoc> = {}) => ({ _id: 'c1', state: 'bot', version: 1, lastSeq: 2, ...over }) as ConversationDoc;

describe('conversation copies', () => {
  it('keeps the newest copy of a bot conversation, not an older read that came back late', () => {
    const copies = createConversationCopies();
    copies.keep(doc({ lastSeq: 4 }));
    copies.keep(doc({ lastSeq: 3 }));
    expect(copies.get('c1')?.lastSeq).toBe(4);
    copies.keep(doc({ version: 0, lastSeq: 9 }));
    expect(copies.get('c1')?.version).toBe(1);
    copies.keep(doc({ version: 2, lastSeq: 4 }));
    expect(copies.get('c1')?.version).toBe(2);
  });

  it('drops the copy once a person holds the conversation', () => {
    const copies = createConversationCopies();
    copies.keep(doc());
    copies.keep(doc({ state: 'queued', version: 2 }));
    expect(copies.get('c1')).toBeNull();
  });

  it('drops a copy an announced change does not match: state, version or a message it does not know', () => {
    const copies = createConversationCopies();
    const announced = { conversationId: 'c1', state: 'bot' as const, version: 1, lastSeq: 2 };
    copies.keep(doc());
    copies.announced(announced);
    expect(copies.get('c1')).not.toBeNull();
    copies.announced({ ...announced, lastSeq: 3 });
    expect(copies.get('c1')).toBeNull();
    copies.keep(doc());
    copies.announced({ ...announced, version: 2 });
    expect(copies.get('c1')).toBeNull();
    copies.keep(doc());
    copies.announced({ ...announced, state: 'owned' });
    expect(copies.get('c1')).toBeNull();
  });

  it('holds at most its bound, forgetting the oldest', () => {
    const copies = createConversationCopies(2);
    for (const id of ['c1', 'c2', 'c3']) copies.keep(doc({ _id: id }));
    expect(copies.get('c1')).toBeNull();
    expect(copies.get('c3')).not.toBeNull();
  });
});
