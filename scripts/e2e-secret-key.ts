import { createHash } from 'node:crypto';
import { parseSecretKey } from '../server/security/secret-box';

/** The e2e server's BATON_SECRET_KEY: the environment's, else a fixed test-only key, so journeys can seal with it too. */
export const e2eSecretKey = (): Buffer =>
  parseSecretKey(process.env.BATON_SECRET_KEY) ?? createHash('sha256').update('baton-e2e-only').digest();
