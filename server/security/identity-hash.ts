import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Identity } from '../../shared/entities';

/** userHash must be hex HMAC-SHA256(site secret, id), computed on the site's own server. */
export function isIdentityVerified(identity: Identity, siteSecret: string): boolean {
  if (!identity.userHash) return false;
  const expected = createHmac('sha256', siteSecret).update(identity.id).digest();
  const given = Buffer.from(identity.userHash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
