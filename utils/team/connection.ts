import { storage } from 'wxt/utils/storage';

/**
 * The extension's connection to a team server. Kept in storage.local and read only by extension pages
 * and the background: the bearer token is never sent to a content script.
 */
export interface TeamConnection {
  /** Server origin, no trailing slash, e.g. http://127.0.0.1:8787 */
  serverUrl: string;
  /** better-auth bearer token (the `set-auth-token` header of sign-in / sign-up). */
  token: string;
  user: { id: string; name: string; email: string };
  /** The organisation drafts sync with; null until one is chosen. */
  orgId: string | null;
  orgName: string | null;
}

/** The connection (null = signed out). Written by the account panel (sign-in, organisation, sign-out) only. */
export const teamItem = storage.defineItem<TeamConnection | null>('local:team', {
  fallback: null,
  version: 1,
});
