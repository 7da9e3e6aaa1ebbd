import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Platform tokens at rest: AES-256-GCM, 96-bit random IV, 128-bit tag. The key comes from the
 * environment (WIREBOOST_TOKEN_KEY, 32 bytes as base64 or hex) and never touches the database.
 * `context` (e.g. "org_123:meta") is bound as additional authenticated data, so a ciphertext copied to
 * another organisation's row fails to decrypt.
 * Format: v1.<iv>.<tag>.<ciphertext>, each base64url.
 */
const VERSION = 'v1';

export function tokenKeyFromEnv(
  env: Record<string, string | undefined> = process.env,
  name = 'WIREBOOST_TOKEN_KEY',
): Buffer {
  const raw = env[name];
  if (!raw) throw new Error(`${name} is not set: generate one with \`openssl rand -base64 32\``);
  return parseKey(raw);
}

export function parseKey(raw: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('The token key must be 32 bytes (base64 or hex)');
  return key;
}

export function encryptToken(plaintext: string, key: Buffer, context = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, ct].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Throws on any tampering (ciphertext, IV, tag, context) or a wrong key: GCM authenticates all of it. */
export function decryptToken(sealed: string, key: Buffer, context = ''): string {
  const [version, iv, tag, ct] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ct === undefined) throw new Error('Not an encrypted token');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
}
