import type { Role } from '../../shared/operator-protocol';

/** A one-time link to join a site: the link carries a random token, the store only its sha256. */
export interface Invite {
  /** sha256 of the token (security/token-hash.ts). */
  _id: string;
  siteId: string;
  email: string;
  role: Role;
  /** Who sent it: an admin's name, or "command line". */
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}
