import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Reviewer-link tokens: `<linkId>.<expiresAtSeconds>.<hmac>` with HMAC-SHA256 over the first two parts
 * under REVIEW_LINK_SECRET. The signature makes guessing useless and the expiry tamper-proof; the
 * database row (scope: organisation + release, revokedAt) is still checked on every use, so revoking
 * works at once on every instance.
 */
export function signReviewToken(secret: string, linkId: string, expiresAt: Date): string {
  const payload = `${linkId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyReviewToken(secret: string, token: string, now: Date): { linkId: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [linkId, exp, sig] = parts as [string, string, string];
  const expected = Buffer.from(mac(secret, `${linkId}.${exp}`));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (!/^\d+$/.test(exp) || Number(exp) * 1000 <= now.getTime()) return null;
  return { linkId };
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}
