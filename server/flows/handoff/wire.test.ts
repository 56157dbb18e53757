import { describe, expect, it } from 'vitest';
import type { ConversationDoc } from '../../store/documents';
import { conversationDoc } from '../../test-support/conversation-doc';
import { toSummary, toVisitorView } from './wire';
import { siteDoc } from '../../test-support/site-doc';

const site = siteDoc({}, { name: 'Lamp shop' });

const at = new Date('2025-03-10T14:00:00Z');
const expiresAt = new Date('2025-03-10T14:00:30Z');
const ana = { operatorId: 'op-ana', name: 'Ana Silva' };

function owned(offer: ConversationDoc['offer']): ConversationDoc {
  return conversationDoc({
    siteId: site._id,
    visitorId: 'visitor-1',
    state: 'owned',
    version: 3,
    owner: ana,
    lastSeq: 4,
    triggers: ['human_request'],
    offer,
    createdAt: at,
    claimedAt: at,
  });
}

describe('an automatic offer on the wire', () => {
  it('is still a wait for the visitor while the offered operator has not accepted', () => {
    const conversation = owned({ operatorId: 'op-ana', expiresAt });
    expect(toVisitorView(site, conversation, null)).toMatchObject({ state: 'queued', position: 1, operator: null });
    expect(toSummary(conversation).offer).toEqual({ operatorId: 'op-ana', expiresAt: '2025-03-10T14:00:30.000Z' });
  });

  it('means nothing once another operator owns the conversation: the visitor sees who joined', () => {
    const conversation = owned({ operatorId: 'op-bo', expiresAt });
    expect(toVisitorView(site, conversation, null)).toMatchObject({
      state: 'owned',
      position: null,
      operator: { name: 'Ana', initial: 'A' },
    });
    expect(toSummary(conversation).offer).toBeNull();
  });
});
