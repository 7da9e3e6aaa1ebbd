import type { Platform } from '../../utils/contract/draft.ts';

/**
 * Versions and hosts, configurable because both platforms version monthly/quarterly
 * (PLATFORMS.md: Meta v25.0 in current examples, v26.0 released 2026-07-29; LinkedIn YYYYMM, 202603+).
 * Every base URL is injectable so tests and the e2e run against the local contract fakes.
 */
export interface MetaConfig {
  /** Graph API version, e.g. v25.0. https://developers.facebook.com/docs/graph-api/changelog */
  graphVersion: string;
  /** https://graph.facebook.com (no version, no trailing slash). */
  graphBase: string;
  /** https://www.facebook.com — host of the OAuth login dialog. */
  dialogBase: string;
  /** Ads Manager host for deep links. */
  adsManagerBase: string;
}

export interface LinkedInConfig {
  /** LinkedIn-Version header. https://learn.microsoft.com/en-us/linkedin/marketing/versioning */
  version: string;
  /** https://api.linkedin.com (REST lives under /rest). */
  apiBase: string;
  /** https://www.linkedin.com (OAuth lives under /oauth/v2). */
  oauthBase: string;
  /** Campaign Manager host for deep links. */
  campaignManagerBase: string;
}

/** Each platform's settings; indexed by Platform below, so a new platform id needs its entry here. */
export interface PlatformConfigs {
  meta: MetaConfig;
  linkedin: LinkedInConfig;
}

/** What callers may override (tests and the e2e point the hosts at the fakes); each adapter picks its own. */
export type PlatformConfigOverrides = { [P in Platform]?: Partial<PlatformConfigs[P]> };

export const META_DEFAULTS: MetaConfig = {
  graphVersion: 'v25.0',
  graphBase: 'https://graph.facebook.com',
  dialogBase: 'https://www.facebook.com',
  adsManagerBase: 'https://adsmanager.facebook.com',
};

export const LINKEDIN_DEFAULTS: LinkedInConfig = {
  version: '202603',
  apiBase: 'https://api.linkedin.com',
  oauthBase: 'https://www.linkedin.com',
  campaignManagerBase: 'https://www.linkedin.com',
};

export function metaConfig(overrides: Partial<MetaConfig> = {}): MetaConfig {
  return { ...META_DEFAULTS, ...overrides };
}

export function linkedInConfig(overrides: Partial<LinkedInConfig> = {}): LinkedInConfig {
  return { ...LINKEDIN_DEFAULTS, ...overrides };
}

/** Reads overrides from the environment (the server's only source of platform settings). */
export function configFromEnv(env: Record<string, string | undefined> = process.env): PlatformConfigs {
  const pick = <T extends object>(entries: [keyof T, string | undefined][]): Partial<T> =>
    Object.fromEntries(entries.filter(([, v]) => v)) as Partial<T>;
  return {
    meta: metaConfig(
      pick<MetaConfig>([
        ['graphVersion', env.META_GRAPH_VERSION],
        ['graphBase', env.META_GRAPH_BASE],
        ['dialogBase', env.META_DIALOG_BASE],
      ]),
    ),
    linkedin: linkedInConfig(
      pick<LinkedInConfig>([
        ['version', env.LINKEDIN_VERSION],
        ['apiBase', env.LINKEDIN_API_BASE],
        ['oauthBase', env.LINKEDIN_OAUTH_BASE],
      ]),
    ),
  };
}
