import type { Platform } from '../contract/draft';
import type { CallbackReply, PlatformApi } from './platform-api';
import { platformLabel } from '../platforms/registry';
import { PlatformFailure } from './platform-errors';

/** The slice of browser.identity the flow needs (tests pass a fake). */
export interface IdentityLike {
  getRedirectURL(): string;
  launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string | undefined>;
}

/**
 * Connect one platform: the team server builds the authorize URL (it holds the app id and signs the
 * state), the browser's own sign-in window runs it and hands back the redirect, and the server exchanges
 * the code with the app secret it alone has. The extension sees only the code, never a token.
 */
export async function connectPlatform(
  api: PlatformApi,
  identity: IdentityLike,
  platform: Platform,
): Promise<CallbackReply> {
  const p = platformLabel(platform);
  const redirectUri = identity.getRedirectURL();
  const { url, state } = await api.start(platform, redirectUri);
  let back: string | undefined;
  try {
    back = await identity.launchWebAuthFlow({ url, interactive: true });
  } catch (e) {
    throw signInWindowFailure(platform, e);
  }
  if (!back) throw new PlatformFailure(`The ${p} sign-in window closed without an answer: connect again.`, 'retry');
  const params = redirectParams(back);
  const error = params.get('error');
  if (error) {
    // LinkedIn: user_cancelled_login / user_cancelled_authorize; Meta: error=access_denied&error_reason=user_denied.
    const cancelled = /cancel|denied/i.test(`${error} ${params.get('error_reason') ?? ''}`);
    throw new PlatformFailure(
      cancelled
        ? `You cancelled the ${p} sign-in, so nothing was connected. Click Connect to try again.`
        : `${p} refused the sign-in: ${params.get('error_description') ?? error}.`,
      'retry',
    );
  }
  const code = params.get('code');
  if (!code) throw new PlatformFailure(`${p} sent no authorisation code back: connect again.`, 'retry');
  // The state must be the one the server signed for this attempt (CSRF); the server checks it again.
  if (params.get('state') !== state)
    throw new PlatformFailure(`The ${p} sign-in answer did not match this attempt: connect again.`, 'retry');
  return api.callback(platform, { code, state, redirectUri });
}

/** Query and fragment of the redirect URL (Meta's token flow answers in the fragment). */
function redirectParams(url: string): URLSearchParams {
  const u = new URL(url);
  const out = new URLSearchParams(u.search);
  for (const [k, v] of new URLSearchParams(u.hash.replace(/^#/, ''))) if (!out.has(k)) out.set(k, v);
  return out;
}

/**
 * launchWebAuthFlow rejects with browser-specific text: Chrome "The user did not approve access." when the
 * window is closed, "Authorization page could not be loaded." when the URL fails; Firefox "User cancelled
 * or denied access." — turn those into what happened.
 */
export function signInWindowFailure(platform: Platform, e: unknown): PlatformFailure {
  const p = platformLabel(platform);
  const text = e instanceof Error ? e.message : String(e);
  if (/did not approve|cancel|closed|denied/i.test(text)) {
    return new PlatformFailure(
      `The ${p} sign-in window was closed before it finished, so nothing was connected. Click Connect to try again.`,
      'retry',
    );
  }
  if (/could not be loaded|load/i.test(text)) {
    return new PlatformFailure(
      `The ${p} sign-in page could not be loaded: check your connection (and that ${p} is reachable), then try again.`,
      'retry',
    );
  }
  return new PlatformFailure(`The ${p} sign-in did not finish: ${text}`, 'retry');
}
