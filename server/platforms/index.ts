/**
 * Wireboost's platform library, for the team server's routes (server/routes/platforms/). Nothing here knows
 * about HTTP routes, the database or sessions: the server passes a SendStore, the decrypted token and the
 * settings. Each platform is a folder listed in registry.ts.
 */
export { sendDraft, type SendDraftInput, type SendDraftResult, type SendDeps } from './send.ts';
export { MemorySendStore, MemoryTargetingCache, type SendStore, type TargetingCache } from './store.ts';
export { PlatformError, type PlatformErrorKind } from './errors.ts';
export type { SendSettings, MediaListInput, AudienceTable, AudienceNames, MetaObjective } from './types.ts';
export { DEFAULT_AUDIENCES } from './audiences.ts';
export { hashEmail, normalizeEmail, isSha256Hex } from './hash.ts';
export {
  configFromEnv,
  metaConfig,
  linkedInConfig,
  type MetaConfig,
  type LinkedInConfig,
  type PlatformConfigs,
  type PlatformConfigOverrides,
} from './config.ts';
export { parseScopeList, type AppCredentials, type TokenGrant } from './oauth.ts';
export { signState, stateNonce, verifyState, STATE_TTL_MS } from './oauth-state.ts';
export { encryptToken, decryptToken, tokenKeyFromEnv, parseKey } from './crypto.ts';
export { validateLinkedInTargeting, LINKEDIN_TARGETING_RULES } from './linkedin/targeting.ts';
export type { DryRunRequest, RunResult } from './pipeline.ts';
export { createExecutor, executorFor } from './executor.ts';
export { retryPolicy, type RetryPolicy } from './retry.ts';
export * from './reporting.ts';
export { PLATFORMS, PLATFORM_IDS, adapterFor, scopeReport } from './registry.ts';
export type {
  PlatformAdapter,
  PlatformProfile,
  IdentityField,
  AccountChoices,
  AdAccountChoice,
  IdentityChoice,
  CallbackInput,
} from './adapter.ts';
