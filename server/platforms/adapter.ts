import type { Draft, Platform } from '../../utils/contract/draft.ts';
import type { PlatformConfigOverrides } from './config.ts';
import type { ErrorRules } from './executor.ts';
import type { FetchLike } from './http.ts';
import type { AppCredentials, TokenGrant } from './oauth.ts';
import type { Executor, RunOptions, RunResult } from './pipeline.ts';
import type { PlatformReporting } from './reporting.ts';
import type { RetryPolicy } from './retry.ts';
import type { TargetingCache } from './store.ts';
import type { AudienceTable, MediaListInput, SendSettings } from './types.ts';

/**
 * What the server needs from a platform, as one object per platform (meta/adapter.ts, linkedin/adapter.ts)
 * listed in registry.ts. Code outside a platform's folder looks the platform up instead of asking its id.
 */
export type DraftOf<P extends Platform> = Extract<Draft, { platform: P }>;

/** The field of the account choice and of the connection reply (utils/contract/platforms.ts) naming who advertises. */
export type IdentityField = 'pageId' | 'organizationId';

/** Plain facts about a platform (profile.ts in its folder), importable by the platform's own modules. */
export interface PlatformProfile<P extends Platform = Platform> {
  id: P;
  /** The platform's name in messages. */
  label: string;
  /** Who the ads run as: `noun` in "choose the … before sending", `role` in "Meta needs …". */
  identity: { field: IdentityField; noun: string; role: string };
  /** Where ads run when nobody chose, in the form the platform takes (ISO codes, or names resolved at send). */
  defaultCountries: readonly string[];
  /** Permissions a send needs; those not granted are reported as missing. */
  scopes: readonly string[];
  /** Permissions pulling results needs (asked for with the send's; reported missing the same way). */
  reportingScopes: readonly string[];
  /** Environment variables with the OAuth app's client id and secret. */
  credentialsEnv: { clientId: string; clientSecret: string };
  /** Heading of the draft's preview on the reviewer page. */
  previewTitle: string;
}

export interface AdAccountChoice {
  id: string;
  name: string;
  currency?: string;
  timeZone?: string;
}

export interface IdentityChoice {
  id: string;
  name?: string;
}

/** What the options page offers after connecting: ad accounts and the pages / organisations to advertise as. */
export interface AccountChoices {
  adAccounts: AdAccountChoice[];
  identities: IdentityChoice[];
}

/** The OAuth callback as the extension posts it (Meta's token flow sends accessToken instead of a code). */
export interface CallbackInput {
  code?: string;
  accessToken?: string;
  redirectUri?: string;
}

export interface PrepareInput {
  orgId: string;
  settings: SendSettings;
  mediaList?: MediaListInput;
  audiences: AudienceTable;
  config: PlatformConfigOverrides;
  executor: Executor;
  cache: TargetingCache;
}

/** A send ready to run: the platform's steps bound to its resolved targeting, and its deep link. */
export interface PreparedSend {
  run(o: RunOptions): Promise<RunResult>;
  link(ids: Record<string, string>): string | undefined;
}

// Method syntax on purpose: an adapter for one platform stands in for PlatformAdapter<Platform>.
export interface PlatformAdapter<P extends Platform = Platform> extends PlatformProfile<P> {
  authorizeUrl(o: { clientId: string; redirectUri: string; state: string; config: PlatformConfigOverrides }): string;
  /** The callback's code (or token) → a long-lived grant and the permissions actually granted. */
  grant(
    o: { credentials?: AppCredentials; fetch?: FetchLike; config: PlatformConfigOverrides },
    input: CallbackInput,
  ): Promise<{ grant: TokenGrant; scopes: string[] }>;
  choices(o: {
    token: string;
    config: PlatformConfigOverrides;
    fetch?: FetchLike;
    retry?: Partial<RetryPolicy>;
  }): Promise<AccountChoices>;
  /** Throttling and error tables for every call to this platform. */
  errorRules: ErrorRules;
  /** Resolves targeting (nothing is created for a bad audience) and binds the platform's steps. */
  prepare(draft: DraftOf<P>, input: PrepareInput): Promise<PreparedSend>;
  /** The platform's part of SendSettings, from the chosen identity (page / organisation id). */
  identitySettings(identityId: string): Pick<SendSettings, 'meta' | 'linkedin'>;
  /** The reviewer page's card for a draft (HTML, every value escaped). */
  previewCard(draft: DraftOf<P>, company: string): string;
  /** Pulling results back (reporting.ts in the folder). */
  reporting: PlatformReporting;
}
