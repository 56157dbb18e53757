import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** A secret encrypted at rest: AES-256-GCM, a fresh 12-byte IV each time; base64 fields. */
export interface SealedSecret {
  iv: string;
  data: string;
  tag: string;
}

export const SECRET_KEY_VARIABLE = 'BATON_SECRET_KEY';

/** The server's key from BATON_SECRET_KEY: 32 bytes as base64 or 64 hex digits. Null when unset. */
export function parseSecretKey(value: string | undefined): Buffer | null {
  if (!value) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new Error(`${SECRET_KEY_VARIABLE} must be 32 bytes, as base64 or 64 hex digits (e.g. \`openssl rand -base64 32\`).`);
  return key;
}

export function seal(key: Buffer, plain: string): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Null when the key is not the one it was sealed with (a rotated BATON_SECRET_KEY) or the data was altered. */
export function open(key: Buffer, sealed: SealedSecret): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
