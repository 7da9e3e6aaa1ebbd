import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { decryptToken, encryptToken, parseKey, tokenKeyFromEnv } from '../../../server/platforms/crypto.ts';

const key = randomBytes(32);
const token = 'EAAGm0PX4ZCpsBA-very-secret-meta-token';

/** Flips one character of part `i` (0 version, 1 iv, 2 tag, 3 ciphertext). */
function tamper(sealed: string, i: number): string {
  const parts = sealed.split('.');
  const p = parts[i]!;
  parts[i] = (p[0] === 'A' ? 'B' : 'A') + p.slice(1);
  return parts.join('.');
}

describe('token encryption at rest (AES-256-GCM)', () => {
  test('round-trips', () => {
    const sealed = encryptToken(token, key, 'org_1:meta');
    expect(sealed).not.toContain(token);
    expect(decryptToken(sealed, key, 'org_1:meta')).toBe(token);
  });

  test('a fresh IV every time', () => {
    expect(encryptToken(token, key)).not.toBe(encryptToken(token, key));
  });

  test.each([
    [1, 'iv'],
    [2, 'tag'],
    [3, 'ciphertext'],
  ])('tampering with the %s… part is detected', (i) => {
    const sealed = encryptToken(token, key, 'ctx');
    expect(() => decryptToken(tamper(sealed, i), key, 'ctx')).toThrow();
  });

  test('a wrong version prefix is refused', () => {
    expect(() => decryptToken(encryptToken(token, key).replace(/^v1/, 'v0'), key)).toThrow(/Not an encrypted token/);
  });

  test('the wrong key fails', () => {
    expect(() => decryptToken(encryptToken(token, key), randomBytes(32))).toThrow();
  });

  test('a ciphertext moved to another organisation (other context) fails', () => {
    const sealed = encryptToken(token, key, 'org_1:linkedin');
    expect(() => decryptToken(sealed, key, 'org_2:linkedin')).toThrow();
  });

  test('key from the environment: base64 or hex, 32 bytes, else a clear error', () => {
    expect(tokenKeyFromEnv({ WIREBOOST_TOKEN_KEY: key.toString('base64') }).equals(key)).toBe(true);
    expect(tokenKeyFromEnv({ WIREBOOST_TOKEN_KEY: key.toString('hex') }).equals(key)).toBe(true);
    expect(() => tokenKeyFromEnv({})).toThrow(/WIREBOOST_TOKEN_KEY is not set/);
    expect(() => parseKey(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
