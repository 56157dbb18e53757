import { createHash, randomBytes } from 'node:crypto';
import type { Message as WireMessage, VisitorContext } from '../../../shared/entities';
import { PROTOCOL_VERSION } from '../../../shared/protocol-version';
import { pickWidgetLocale } from '../../../shared/visitor-messages';
import type { VisitorEvent, WidgetUi } from '../../../shared/visitor-protocol';
import { resolveVisitorStrings } from '../../../shared/visitor-strings';
import type { Conversation } from '../../entities/conversation';
import type { Site } from '../../entities/site';
import type { Visitor } from '../../entities/visitor';
import type { FlowDeps } from '../../composition';
import { visitorViewFor } from '../handoff/queue-views';
import { mendStamps } from '../handoff/post-message';
import { applyTransition } from '../handoff/transition';
import { toWireMessage } from '../handoff/wire';
import { hashToken } from '../../security/token-hash';
import { visitorTeam } from './team';

/** Finds the visitor a token belongs to, or starts a new one (`fresh`) with a fresh token and `context`. */
export async function resolveVisitor(
  deps: FlowDeps,
  site: Site,
  token: string | undefined,
  context: VisitorContext = {},
): Promise<{ visitor: Visitor; token: string; fresh: boolean }> {
  if (token) {
    const found = await deps.store.visitors.byTokenHash(site._id, hashToken(token));
    if (found) return { visitor: found, token, fresh: false };
  }
  const fresh = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  const visitor: Visitor = {
    _id: deps.newId(),
    siteId: site._id,
    tokenHash: hashToken(fresh),
    identity: null,
    verified: false,
    context,
    createdAt: now,
    lastSeenAt: now,
  };
  await deps.store.visitors.insert(visitor);
  return { visitor, token: fresh, fresh: true };
}

/** On hello: the token's visitor (or a new one), with the context of the page they are on now. */
export async function visitorForHello(
  deps: FlowDeps,
  site: Site,
  token: string | undefined,
  context: VisitorContext,
): Promise<{ visitor: Visitor; token: string; fresh: boolean }> {
  const resolved = await resolveVisitor(deps, site, token, context);
  // A visitor started just now already has this page's context: no second write.
  if (resolved.fresh) return resolved;
  const visitor = (await deps.store.visitors.touch(resolved.visitor._id, context, deps.clock.now())) ?? resolved.visitor;
  return { visitor, token: resolved.token, fresh: false };
}

/** The latest conversation's messages after `afterSeq`: what a resuming widget missed. */
export async function visitorHistory(deps: FlowDeps, visitor: Visitor, afterSeq: number): Promise<WireMessage[]> {
  const conversation = await deps.store.conversations.latestForVisitor(visitor._id);
  const messages = conversation ? await deps.store.messages.after(conversation._id, afterSeq) : [];
  return messages.map(toWireMessage);
}

export function widgetUiFor(site: Site, context: VisitorContext): WidgetUi {
  const { widget, handoffEnabled } = site.config;
  // The widget sends a tag it speaks when the page or browser asks for one (preferredLocaleTag).
  const locale = pickWidgetLocale(context.locale, widget.defaultLocale);
  return {
    locale,
    strings: resolveVisitorStrings(locale, widget.messages[locale]),
    look: { accentColor: widget.accentColor, position: widget.position, operatorAvatars: widget.operatorAvatars },
    handoffEnabled,
  };
}

export async function buildWelcome(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  token: string,
  afterSeq: number,
  /** The visitor was started by this hello: they cannot have a conversation yet (no read for it). */
  fresh = false,
): Promise<Extract<VisitorEvent, { type: 'welcome' }>> {
  const latest = fresh ? null : await deps.store.conversations.latestForVisitor(visitor._id);
  const messages = latest ? await deps.store.messages.after(latest._id, afterSeq) : [];
  // The visitor saw a message the conversation does not count: its instance died before writing the stamps.
  const conversation = latest && afterSeq > latest.lastSeq ? ((await mendStamps(deps, latest)) ?? latest) : latest;
  if (conversation) {
    deps.visitorConversations.set(visitor._id, conversation._id);
    // Read from the first message: the window (and the next seq) needs no read of its own.
    if (afterSeq === 0 && messages.length < 500) deps.messageWindows.prime(conversation._id, messages);
  }
  return {
    type: 'welcome',
    protocolVersion: PROTOCOL_VERSION,
    visitorToken: token,
    ui: widgetUiFor(site, visitor.context),
    team: await visitorTeam(deps, site),
    conversation: conversation ? await visitorViewFor(deps, site, conversation) : null,
    messages: messages.map(toWireMessage),
  };
}

/**
 * The conversation a visitor's message goes into: only its ids, from memory when this instance has
 * seen it (a visitor's conversation never changes once made), else read or started.
 */
export async function conversationIdsFor(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  options: StartOptions = {},
): Promise<Pick<Conversation, '_id' | 'siteId' | 'visitorId'>> {
  const held = deps.visitorConversations.get(visitor._id);
  return held ? { _id: held, siteId: site._id, visitorId: visitor._id } : conversationToWriteIn(deps, site, visitor, options);
}

export interface StartOptions {
  /**
   * The visitor writes over an open socket: a conversation started now says they are on the page (their
   * hello found no conversation to tell, and their presence is recorded again only when they leave).
   */
  onPage?: boolean;
}

/**
 * Writing after resolution reopens the same conversation with the bot; triggers start fresh from
 * `sinceSeq` (the messages up to it belong to the conversation that was resolved).
 */
export async function reopenIfResolved(deps: FlowDeps, conversation: Conversation, sinceSeq: number): Promise<Conversation> {
  if (conversation.state !== 'resolved') return conversation;
  const reopened = await applyTransition(
    deps,
    conversation._id,
    { type: 'visitor_wrote' },
    { kind: 'visitor' },
    {
      set: { botSinceSeq: sinceSeq, handoffTopic: null, missingFacts: [], urgency: 'normal' },
    },
  );
  if (reopened.ok) return reopened.conversation;
  return (await deps.store.conversations.get(conversation._id)) ?? conversation;
}

/** The visitor's current conversation, started or reopened as they write. */
export async function conversationToWriteIn(
  deps: FlowDeps,
  site: Site,
  visitor: Visitor,
  options: StartOptions = {},
): Promise<Conversation> {
  const latest = await deps.store.conversations.latestForVisitor(visitor._id);
  if (latest) {
    deps.visitorConversations.set(visitor._id, latest._id);
    const current = await reopenIfResolved(deps, latest, latest.lastSeq);
    if (current.state !== 'resolved') return current;
  }
  const now = deps.clock.now();
  const conversation: Conversation = {
    _id: latest ? deps.newId() : firstConversationId(visitor._id),
    siteId: site._id,
    visitorId: visitor._id,
    state: 'bot',
    version: 0,
    queue: null,
    owner: null,
    lastSeq: 0,
    botSinceSeq: 0,
    urgency: 'normal',
    triggers: [],
    firedTriggers: [],
    handoffTopic: null,
    intent: null,
    missingFacts: [],
    facts: {},
    casePackage: null,

    callbackBooked: null,
    rating: null,
    offer: null,
    declinedBy: [],
    visitorName: visitor.identity?.name ?? null,
    visitorLocale: pickWidgetLocale(visitor.context.locale, site.config.widget.defaultLocale),
    lastMessagePreview: null,
    createdAt: now,
    escalatedAt: null,
    claimedAt: null,
    resolvedAt: null,
    lastActivityAt: now,
    ...(options.onPage ? { visitorPresence: { online: true, since: now } } : {}),
    lastVisitorActivityAt: now,
  };
  if (!(await deps.store.conversations.insertIfAbsent(conversation))) {
    // Another tab (or instance) started this visitor's first conversation at the same moment: write in that one.
    const started = await deps.store.conversations.get(conversation._id);
    if (started) {
      deps.visitorConversations.set(visitor._id, started._id);
      return started;
    }
  }
  deps.visitorConversations.set(visitor._id, conversation._id);
  deps.messageWindows.prime(conversation._id, []);
  return conversation;
}

/**
 * The id of a visitor's first conversation, the same wherever it is computed: two tabs whose first
 * messages arrive at once (even at two instances) insert the same _id, and the database keeps one.
 * Later conversations are reopenings of it, or random ids when a reopening was refused.
 */
function firstConversationId(visitorId: string): string {
  const hex = createHash('sha256').update(`first-conversation:${visitorId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
