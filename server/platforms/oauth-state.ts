import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Platform } from '../../utils/contract/draft.ts';

/**
 * The OAuth state parameter (CSRF): signed, bound to the organisation, the platform and an expiry, so a
 * forged or foreign state is refused without a database look-up. Its nonce is also a row the server
 * keeps until the callback consumes it (server/lib/oauth-states.ts): single use, bound to the person
 * who started and the redirect URI.
 */
export const STATE_TTL_MS = 10 * 60_000;

/** state = <orgId>.<platform>.<expiry>.<nonce>.<hmac> */
export function signState(secret: string, orgId: string, platform: Platform, expiresAtMs: number): string {
  const payload = [
    Buffer.from(orgId).toString('base64url'),
    platform,
    String(expiresAtMs),
    randomBytes(18).toString('base64url'),
  ].join('.');
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

export function verifyState(secret: string, state: string, orgId: string, platform: Platform, nowMs: number): boolean {
  const parts = state.split('.');
  if (parts.length !== 5) return false;
  const payload = parts.slice(0, 4).join('.');
  const expected = Buffer.from(createHmac('sha256', secret).update(payload).digest('base64url'));
  const given = Buffer.from(parts[4]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return Buffer.from(parts[0]!, 'base64url').toString() === orgId && parts[1] === platform && Number(parts[2]) > nowMs;
}

/** The state's nonce (its fourth part): the key of its single-use row. */
export const stateNonce = (state: string): string => state.split('.')[3] ?? '';
