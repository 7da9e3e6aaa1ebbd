import type { Platform } from '../../utils/contract/draft.ts';
import type { PlatformConnection } from '../../utils/contract/platforms.ts';
import { adapterFor, decryptToken, encryptToken, PlatformError, type IdentityField } from '../platforms/index.ts';
import type { TokenGrant } from '../platforms/index.ts';
import type { ConnectionRow, StoredConnection } from './platform-store.ts';

/**
 * A platform connection as the team sees it (never a token), and the token as a send uses it. Tokens are
 * sealed (AES-256-GCM) bound to organisation + platform, so a row copied to another organisation is unreadable.
 */
export type ConnectionReply = PlatformConnection & { connectedAt: string | null };

/** The platform_connections column that stores each identity field of the shared reply. */
const IDENTITY_COLUMN = {
  pageId: 'pageId',
  organizationId: 'linkedInOrganizationId',
} as const satisfies Record<IdentityField, keyof ConnectionRow>;
const IDENTITY_FIELDS = Object.keys(IDENTITY_COLUMN) as IdentityField[];

export function toConnection(platform: Platform, row: ConnectionRow | undefined): ConnectionReply {
  const identity = adapterFor(platform).identity.field;
  const ids = Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, row?.[IDENTITY_COLUMN[f]] ?? null])) as Record<
    IdentityField,
    string | null
  >;
  const adAccountId = row?.adAccountId ?? null;
  return {
    platform,
    connected: !!row,
    scopes: (row?.scopes as string[] | undefined) ?? [],
    missing: (row?.missing as string[] | undefined) ?? [],
    expiresAt: row?.expiresAt?.toISOString() ?? null,
    adAccountId,
    ...ids,
    currency: row?.currency ?? null,
    timeZone: row?.timeZone ?? null,
    countries: (row?.countries as string[] | null | undefined) ?? [...adapterFor(platform).defaultCountries],
    ready: !!row && !!adAccountId && !!ids[identity],
    connectedAt: row?.connectedAt.toISOString() ?? null,
  };
}

/** Column values for a chosen identity: the platform's own column set, every other one cleared. */
export function identityColumns(field: IdentityField, id: string) {
  return Object.fromEntries(IDENTITY_FIELDS.map((f) => [IDENTITY_COLUMN[f], f === field ? id : null])) as Record<
    (typeof IDENTITY_COLUMN)[IdentityField],
    string | null
  >;
}

const tokenContext = (orgId: string, platform: Platform) => `${orgId}:${platform}`;

/** A fresh grant, sealed for storage, with what was granted and what is missing. */
export function sealGrant(
  grant: TokenGrant,
  report: { granted: string[]; missing: string[] },
  key: Buffer,
  orgId: string,
  platform: Platform,
  now: Date,
): StoredConnection {
  const ctx = tokenContext(orgId, platform);
  return {
    sealedToken: encryptToken(grant.accessToken, key, ctx),
    sealedRefreshToken: grant.refreshToken ? encryptToken(grant.refreshToken, key, ctx) : undefined,
    expiresAt: grant.expiresIn ? new Date(now.getTime() + grant.expiresIn * 1000).toISOString() : undefined,
    scopes: report.granted,
    missing: report.missing,
  };
}

/**
 * The stored token, if it can still be used: not past its expiry and readable with this server's token
 * key (a changed WIREBOOST_TOKEN_KEY would otherwise surface as a 500). Either way: reconnect.
 */
export function usableToken(row: ConnectionRow, key: Buffer, orgId: string, now: Date): string {
  const p = row.platform as Platform;
  const label = adapterFor(p).label;
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) {
    throw new PlatformError(p, 'auth', `The ${label} sign-in has expired: reconnect ${label}.`);
  }
  try {
    return decryptToken(row.sealedToken, key, tokenContext(orgId, p));
  } catch {
    throw new PlatformError(
      p,
      'auth',
      `The saved ${label} sign-in cannot be read on this server (its token key changed): reconnect ${label}.`,
    );
  }
}
