/**
 * Wireboost's platform library, for the team server to mount. Nothing here knows about HTTP routes,
 * the database or sessions: the server passes a SendStore, the decrypted token and the settings.
 */
export { sendDraft, type SendDraftInput, type SendDraftResult, type SendDeps } from './send.ts';
export { MemorySendStore, MemoryTargetingCache, type SendStore, type TargetingCache } from './store.ts';
export { PlatformError, type PlatformErrorKind } from './errors.ts';
export type { SendSettings, MediaListInput, AudienceTable, AudienceNames, MetaObjective } from './types.ts';
export { DEFAULT_AUDIENCES } from './audiences.ts';
export { hashEmail, normalizeEmail, isSha256Hex } from './hash.ts';
export { configFromEnv, metaConfig, linkedInConfig, type MetaConfig, type LinkedInConfig } from './config.ts';
export {
  createOAuth,
  metaAuthorizeUrl,
  linkedInAuthorizeUrl,
  parseMetaPermissions,
  parseScopeList,
  scopeReport,
  REQUIRED_SCOPES,
  META_SCOPES,
  LINKEDIN_SCOPES,
  type AppCredentials,
  type TokenGrant,
} from './oauth.ts';
export { encryptToken, decryptToken, tokenKeyFromEnv, parseKey } from './crypto.ts';
export { validateLinkedInTargeting, LINKEDIN_TARGETING_RULES } from './linkedin/targeting.ts';
export type { DryRunRequest, RunResult } from './pipeline.ts';
export {
  platformRoutes,
  signState,
  verifyState,
  ERROR_STATUS,
  type PlatformRoutesDeps,
  type StoredConnection,
} from './routes.ts';
export { listMetaChoices, listLinkedInChoices, type AdAccountChoice, type IdentityChoice } from './accounts.ts';
