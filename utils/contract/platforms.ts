import { z } from 'zod';
import { PlatformSchema } from './draft';

/**
 * The team server's /api/orgs/:orgId/platforms routes: connecting Meta / LinkedIn, choosing the ad account,
 * sending a draft. The server validates requests and documents replies with these; the extension checks
 * every reply with them. A connection is reported without its token (the server keeps tokens sealed).
 */
export const ConnectionSchema = z.object({
  platform: PlatformSchema,
  connected: z.boolean(),
  /** Ready to send: connected and an ad account plus page / organisation chosen. */
  ready: z.boolean(),
  scopes: z.array(z.string()),
  missing: z.array(z.string()),
  expiresAt: z.string().nullable(),
  adAccountId: z.string().nullable(),
  pageId: z.string().nullable(),
  organizationId: z.string().nullable(),
  currency: z.string().nullable(),
  timeZone: z.string().nullable(),
  countries: z.array(z.string()),
});
export type PlatformConnection = z.infer<typeof ConnectionSchema>;

/** A connection as the connections route reports it. */
export const ConnectionReplySchema = ConnectionSchema.extend({ connectedAt: z.string().nullable() });

/** POST …/platforms/:platform/account — the ad account and identity (page / organisation) to send as. */
export const ChooseAccountSchema = z.object({
  adAccountId: z.string().trim().regex(/^\d+$/, 'the numeric ad account id (without act_ / urn:li:sponsoredAccount:)'),
  /** Meta: the Facebook page. */
  pageId: z.string().trim().regex(/^\d+$/).optional(),
  /** LinkedIn: the organisation id (urn:li:organization:<id> is accepted). */
  organizationId: z
    .string()
    .trim()
    .transform((v) => v.replace(/^urn:li:organization:/, ''))
    .pipe(z.string().regex(/^\d+$/))
    .optional(),
  currency: z
    .string()
    .trim()
    .length(3)
    .transform((v) => v.toUpperCase()),
  timeZone: z.string().trim().min(1).max(100).optional(),
  countries: z.array(z.string().trim().min(1).max(100)).min(1).max(50).optional(),
});

/** GET …/platforms/:platform/choices — what the connected account may send as. */
export const ChoicesSchema = z.object({
  adAccounts: z.array(
    z.object({ id: z.string(), name: z.string(), currency: z.string().optional(), timeZone: z.string().optional() }),
  ),
  identities: z.array(z.object({ id: z.string(), name: z.string().optional() })),
  scopes: z.array(z.string()),
  missing: z.array(z.string()),
});
export type PlatformChoices = z.infer<typeof ChoicesSchema>;

/** GET …/platforms/:platform/connect — the platform's sign-in page for this redirect URI. */
export const StartQuerySchema = z.object({ redirectUri: z.string() });
export const StartReplySchema = z.object({ url: z.string().url(), state: z.string().min(1) });

/** POST …/platforms/:platform/callback — what the sign-in window returned. */
export const CallbackSchema = z.object({
  code: z.string().optional(),
  accessToken: z.string().optional(),
  state: z.string(),
  redirectUri: z.string().optional(),
});
export const CallbackReplySchema = z.object({
  platform: z.string().optional(),
  granted: z.array(z.string()),
  missing: z.array(z.string()),
  expiresAt: z.string().nullable(),
});
export type CallbackReply = z.infer<typeof CallbackReplySchema>;

/** POST …/drafts/:draftId/send?dryRun= */
export const SendQuerySchema = z.object({
  platform: PlatformSchema.optional(),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
});
/** A send's result; a dry run's requests: method, URL, headers (never the token: added at send time) and body. */
export const SendResultSchema = z.object({
  platform: PlatformSchema,
  dryRun: z.boolean(),
  ids: z.record(z.string(), z.string()),
  created: z.array(z.string()),
  skipped: z.array(z.string()),
  requests: z.array(z.object({ step: z.string().optional(), method: z.string(), url: z.string() }).passthrough()),
  remote: z.record(z.string(), z.string()),
});
export type SendResult = z.infer<typeof SendResultSchema>;

/** A platform route's refusal: a code, the sentence, and where it applies (step, draft field, permission). */
export const PlatformErrorSchema = z.object({
  error: z.string(),
  platform: z.string().optional(),
  kind: z.string().optional(),
  message: z.string().optional(),
  step: z.string().optional(),
  draftField: z.string().optional(),
  permission: z.string().optional(),
});
export type PlatformErrorBody = z.infer<typeof PlatformErrorSchema>;
