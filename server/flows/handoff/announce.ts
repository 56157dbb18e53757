import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { FlowDeps } from '../../composition';
import { postMessage } from './post-message';
import { visitorText } from './visitor-texts';
import { operatorBadge } from './wire';

/** The visitor learns who joined: a notice in the transcript and the moment event; callers publish the view. */
export async function announceOperator(deps: FlowDeps, site: Site, conversation: Conversation, name: string): Promise<void> {
  const badge = operatorBadge(name);
  await postMessage(deps, conversation, {
    sender: { kind: 'system' },
    text: visitorText(site, conversation, 'operatorJoined', { name: badge.name }),
  });
  deps.hub.toVisitor(conversation.visitorId, { type: 'operator_joined', operator: badge });
}
