import type { CasePackage, FiredTrigger } from '../../shared/case-package';
import type { HandoffEpisode } from './episode';
import type { CallbackSlot, ConversationState, TriggerId, Urgency } from '../../shared/entities';

export interface Conversation {
  _id: string;
  siteId: string;
  visitorId: string;
  state: ConversationState;
  version: number;
  queue: string | null;
  owner: { operatorId: string; name: string } | null;
  lastSeq: number;
  /** Trigger evaluation reads only turns after this seq: a conversation returned to the bot starts fresh. */
  botSinceSeq: number;
  urgency: Urgency;
  triggers: TriggerId[];
  firedTriggers: FiredTrigger[];
  handoffTopic: string | null;
  intent: string | null;
  missingFacts: string[];
  facts: Record<string, string>;
  casePackage: CasePackage | null;
  callbackBooked: { slot: CallbackSlot | null; contactKind: 'phone' | 'email' } | null;
  rating: { score: number; comment: string | null; at: Date } | null;
  /** An automatic assignment waiting for the operator to accept it. */
  offer: { operatorId: string; expiresAt: Date } | null;
  /** Operators who let an offer of this conversation lapse: not offered it again. */
  declinedBy: string[];
  visitorName: string | null;
  visitorLocale: string;
  lastMessagePreview: string | null;
  createdAt: Date;
  escalatedAt: Date | null;
  claimedAt: Date | null;
  resolvedAt: Date | null;
  lastActivityAt: Date;
  lastVisitorActivityAt: Date;
  /** Every handoff episode, the current one last; absent on conversations stored before episodes existed. */
  episodes?: HandoffEpisode[];
  /** The latest resolution, kept when the conversation reopens: the Resolved history lists it. */
  lastResolvedAt?: Date | null;
  /** Whether the visitor has a widget open, and since when (transport/sockets/visitor-presence.ts). */
  visitorPresence?: { online: boolean; since: Date } | null;
  /** Normalised name, email, facts and transcript (domain/search-text.ts), written when it is resolved. */
  searchText?: string;
}
