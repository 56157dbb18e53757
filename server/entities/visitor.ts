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
}
