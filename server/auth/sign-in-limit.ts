import type { AppDeps } from '../lib/context.ts';
import { consume, hashed, RATE_LIMITS } from '../lib/rate-limit.ts';

/**
 * Sign-in attempts per account, whatever the address (better-auth already limits per address): the
 * attempt is counted before the password is checked, so parallel guesses cannot slip past the limit,
 * and given back when it was no guess at all (the sign-in succeeded, or better-auth's per-address
 * limit refused it first). The key is a hash of the normalised e-mail, never the address itself.
 */
export async function signInLimited(deps: AppDeps, email: unknown, signIn: () => Promise<Response>): Promise<Response> {
  if (typeof email !== 'string' || !email.trim()) return signIn();
  const rule = deps.config.signInAccountLimit ?? RATE_LIMITS.signInAccount;
  const attempt = await consume(deps.db, `sign-in:${hashed(email.trim().toLowerCase())}`, rule, deps.clock());
  if (!attempt.allowed) {
    const minutes = Math.ceil(attempt.retryAfter / 60);
    const message = `Too many sign-in attempts for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    return new Response(JSON.stringify({ error: 'too_many_attempts', message }), {
      status: 429,
      headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(attempt.retryAfter) },
    });
  }
  const res = await signIn();
  if (res.status === 200 || res.status === 429) await attempt.refund();
  return res;
}
