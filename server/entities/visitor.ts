import type { Identity, VisitorContext } from '../../shared/entities';

export interface Visitor {
  _id: string;
  siteId: string;
  tokenHash: string;
  identity: Omit<Identity, 'userHash'> | null;
  verified: boolean;
  context: VisitorContext;
  createdAt: Date;
  lastSeenAt: Date;
  /** Set when their data was erased: the document is then a tombstone with no personal field left. */
  erasedAt?: Date | null;
}
