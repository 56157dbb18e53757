import type { PresenceInstanceDoc, VisitorSocketsDoc } from './visitor-sockets-store';
import { type Collection, type Db, MongoClient } from 'mongodb';
import type { LeaseDoc } from './assignment-leases-store';
import type { EpisodeRow } from '../domain/insights/episode-row';
import type { JobLeaseDoc } from './job-leases-store';
import type {
  AuditDoc,
  CallbackDoc,
  InternalNoteDoc,
  InviteDoc,
  LlmUsageDoc,
  LoginFailuresDoc,
  ConversationDoc,
  EpisodeRollupDoc,
  ReviewMarkDoc,
  MessageDoc,
  OperatorDoc,
  SessionDoc,
  SiteDoc,
  TransitionDoc,
  VisitorDoc,
  WebhookAttemptDoc,
  WebhookDeliveryDoc,
} from './documents';

export interface Collections {
  sites: Collection<SiteDoc>;
  operators: Collection<OperatorDoc>;
  sessions: Collection<SessionDoc>;
  visitors: Collection<VisitorDoc>;
  conversations: Collection<ConversationDoc>;
  messages: Collection<MessageDoc>;
  audit: Collection<AuditDoc>;
  callbacks: Collection<CallbackDoc>;
  internalNotes: Collection<InternalNoteDoc>;
  transitions: Collection<TransitionDoc>;
  webhookDeliveries: Collection<WebhookDeliveryDoc>;
  webhookAttempts: Collection<WebhookAttemptDoc>;
  loginFailures: Collection<LoginFailuresDoc>;
  assignmentLeases: Collection<LeaseDoc>;
  jobLeases: Collection<JobLeaseDoc>;
  llmUsage: Collection<LlmUsageDoc>;
  episodeRollups: Collection<EpisodeRollupDoc>;
  episodeRows: Collection<EpisodeRow>;
  reviewMarks: Collection<ReviewMarkDoc>;
  invites: Collection<InviteDoc>;
  visitorSockets: Collection<VisitorSocketsDoc>;
  presenceInstances: Collection<PresenceInstanceDoc>;
}

export function collectionsOf(db: Db): Collections {
  return {
    sites: db.collection('sites'),
    operators: db.collection('operators'),
    sessions: db.collection('sessions'),
    visitors: db.collection('visitors'),
    conversations: db.collection('conversations'),
    messages: db.collection('messages'),
    audit: db.collection('audit'),
    callbacks: db.collection('callbacks'),
    internalNotes: db.collection('internal_notes'),
    transitions: db.collection('transitions'),
    webhookDeliveries: db.collection('webhook_deliveries'),
    webhookAttempts: db.collection('webhook_attempts'),
    loginFailures: db.collection('login_failures'),
    assignmentLeases: db.collection('assignment_leases'),
    jobLeases: db.collection('job_leases'),
    llmUsage: db.collection('llm_usage'),
    episodeRollups: db.collection('episode_rollups'),
    episodeRows: db.collection('episode_rows'),
    reviewMarks: db.collection('review_marks'),
    invites: db.collection('invites'),
    visitorSockets: db.collection('visitor_sockets'),
    presenceInstances: db.collection('presence_instances'),
  };
}

/**
 * Short timeouts so a database outage surfaces in /healthz within seconds; the
 * driver reconnects by itself when the server comes back.
 */
export async function connectDatabase(uri: string, dbName: string): Promise<{ client: MongoClient; db: Db }> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 3000,
    connectTimeoutMS: 3000,
    heartbeatFrequencyMS: 2000,
    // Counts commands in flight (store/in-flight.ts): the overload guard's view of the database.
    monitorCommands: true,
  });
  await client.connect();
  return { client, db: client.db(dbName) };
}

/** Idempotent: createIndex with the same spec is a no-op on MongoDB and FerretDB. */
export async function ensureIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.sites.createIndex({ siteKey: 1 }, { unique: true }),
    c.operators.createIndex({ email: 1 }, { unique: true }),
    c.operators.createIndex({ siteIds: 1 }),
    c.sessions.createIndex({ operatorId: 1 }),
    // Not a TTL index: FerretDB 1.24 answers NotImplemented to expireAfterSeconds, so
    // the minute sweep deletes expired sessions (sessions.deleteExpired) on the sweeps lease's holder.
    c.sessions.createIndex({ expiresAt: 1 }),
    c.visitors.createIndex({ tokenHash: 1 }, { unique: true }),
    // The retention sweep: a site's visitors not seen for its retention period.
    c.visitors.createIndex({ siteId: 1, lastSeenAt: 1 }),
    // The inbox lists page by (lastActivityAt desc, _id): the tiebreak is in the index so a page is a range read.
    c.conversations.createIndex({ siteId: 1, state: 1, lastActivityAt: -1, _id: 1 }),
    c.conversations.createIndex({ visitorId: 1, createdAt: -1 }),
    c.visitorSockets.createIndex({ visitorId: 1 }),
    c.visitorSockets.createIndex({ lastSeen: 1 }),
    c.presenceInstances.createIndex({ lastSeen: 1 }),
    // The queue a visitor waits in (positions on every handoff), an operator's load (every offer),
    // and the lapsed-offer sweep every few seconds: without these each is a full scan.
    c.conversations.createIndex({ siteId: 1, queue: 1, state: 1 }),
    c.conversations.createIndex({ 'owner.operatorId': 1, state: 1 }),
    c.conversations.createIndex({ state: 1, 'offer.expiresAt': 1 }),
    c.messages.createIndex({ dedupeKey: 1 }, { unique: true }),
    // Unique: a duplicated sequence number would be a bug to surface, never to store.
    c.messages.createIndex({ conversationId: 1, seq: 1 }, { unique: true }),
    c.audit.createIndex({ conversationId: 1, at: 1 }),
    // A visitor's export and erasure entries (conversationId null).
    c.audit.createIndex({ visitorId: 1 }),
    c.callbacks.createIndex({ siteId: 1, status: 1 }),
    c.internalNotes.createIndex({ conversationId: 1, createdAt: 1 }),
    // The worker's claim and its idle check: due rows by status, oldest first.
    c.webhookDeliveries.createIndex({ status: 1, nextAttemptAt: 1 }),
    // Insights reads a site's (or an operator's) counter rows for a range of days.
    c.episodeRollups.createIndex({ siteId: 1, scope: 1, operatorId: 1, day: 1 }),
    // The conversations behind an Insights figure: a site's episode rows by when they started.
    c.episodeRows.createIndex({ siteId: 1, startedAt: -1 }),
    // The week's review sample draws from a site's episode rows by day; Insights reads the marks of its days.
    c.episodeRows.createIndex({ siteId: 1, day: 1 }),
    c.jobLeases.createIndex({ job: 1, term: -1 }),
    c.reviewMarks.createIndex({ siteId: 1, day: 1 }),
    c.invites.createIndex({ expiresAt: 1 }),
  ]);
}
