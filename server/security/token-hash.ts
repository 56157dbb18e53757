import { createHash } from 'node:crypto';

// Bearer secrets are stored only as their sha256: a leaked database holds no usable cookie or visitor token.

/** The stored id of an operator session, from its cookie value. */
export const hashSessionId = (id: string) => createHash('sha256').update(id).digest('base64url');

/** The stored form of a visitor's resume token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
