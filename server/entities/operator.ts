import type { Presence, Role } from '../../shared/operator-protocol';

export interface Operator {
  _id: string;
  email: string;
  name: string;
  role: Role;
  siteIds: string[];
  capacity: number;
  languages: string[];
  skills: string[];
  presence: Presence;
  /** Set by the operator's own toggle: reopening the inbox does not override a chosen "away". */
  presenceByChoice: boolean;
  presenceChangedAt: Date;
}

export interface OperatorSession {
  /** sha256 of the cookie value (security/token-hash.ts). */
  _id: string;
  operatorId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}
