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
    copies.keep(doc({ lastSeq: 3 }));
    copies.announced({ ...announced, lastSeq: 3, version: 2 });
    expect(copies.get('c1')).toBeNull();
    copies.keep(doc({ version: 2, lastSeq: 3 }));
    copies.announced({ ...announced, lastSeq: 3, version: 2, state: 'owned' });
    expect(copies.get('c1')).toBeNull();
  });

  it('takes no older copy back after a drop: a read that set out before the change came back after it', () => {
    const copies = createConversationCopies();
    copies.keep(doc({ version: 1, lastSeq: 4 }));
    copies.keep(doc({ state: 'owned', version: 2, lastSeq: 5 }));
    copies.keep(doc({ version: 1, lastSeq: 4 }));
    expect(copies.get('c1')).toBeNull();
    // Back with the bot later: a newer version is a copy again.
    copies.keep(doc({ version: 3, lastSeq: 6 }));
    expect(copies.get('c1')?.version).toBe(3);
  });

  it('keeps no mark for conversations it never held', () => {
    const copies = createConversationCopies();
    copies.keep(doc({ _id: 'c9', state: 'owned', version: 5 }));
    copies.keep(doc({ _id: 'c9', version: 1 }));
    expect(copies.get('c9')?.version).toBe(1);
  });

  it('holds at most its bound, forgetting the oldest', () => {
    const copies = createConversationCopies(2);
    for (const id of ['c1', 'c2', 'c3']) copies.keep(doc({ _id: id }));
    expect(copies.get('c1')).toBeNull();
    expect(copies.get('c3')).not.toBeNull();
  });
});
