import type { Conversation } from '../../entities/conversation';
import type { FlowDeps } from '../../composition';
import { searchTextOf } from '../../domain/search-text';

/** As many messages as the inbox shows of one conversation. */
const MESSAGES_READ = 2000;

/**
 * Writes what a resolved conversation is found by (name, email, intent, facts, what was said).
 * Internal notes stay out: they are not what the visitor and the team said to each other. A failure
 * is logged, never thrown: the conversation is resolved either way and only its search is poorer.
 */
export async function indexForSearch(deps: FlowDeps, conversation: Conversation): Promise<void> {
  try {
    const [messages, visitor] = await Promise.all([
      deps.store.messages.after(conversation._id, 0, MESSAGES_READ),
      deps.store.visitors.get(conversation.visitorId),
    ]);
    const pkg = conversation.casePackage;
    const text = searchTextOf({
      visitorName: conversation.visitorName ?? pkg?.visitor.name ?? null,
      email: visitor?.identity?.email ?? pkg?.visitor.email ?? null,
      intent: conversation.intent ?? pkg?.intent ?? null,
      facts: pkg?.facts ?? {},
      messages: messages.filter((m) => m.sender.kind !== 'system').map((m) => m.text),
    });
    await deps.store.conversations.setSearchText(conversation._id, text);
  } catch (error) {
    deps.log.warn({ err: error, conversationId: conversation._id }, 'could not index a resolved conversation for search');
  }
}
