import { z } from 'zod';
import { PlatformSchema } from '../../../utils/contract/draft.ts';
import { ConnectionSchema as SharedConnectionSchema } from '../../../utils/contract/platforms.ts';

/** Request and reply shapes of /api/orgs/:orgId/platforms (validated and documented from here). */
export const PlatformParams = z.object({ platform: PlatformSchema });

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

export const ConnectionReplySchema = SharedConnectionSchema.extend({ connectedAt: z.string().nullable() });

export const StartQuery = z.object({ redirectUri: z.string() });

export const CallbackSchema = z.object({
  code: z.string().optional(),
  accessToken: z.string().optional(),
  state: z.string(),
  redirectUri: z.string().optional(),
});

export const CallbackReplySchema = z.object({
  platform: z.string(),
  granted: z.array(z.string()),
  missing: z.array(z.string()),
  expiresAt: z.string().nullable(),
});

export const SendQuery = z.object({
  platform: PlatformSchema.optional(),
  dryRun: z.enum(['0', '1', 'true', 'false']).optional(),
});

export const SendResultSchema = z.object({
  platform: PlatformSchema,
  dryRun: z.boolean(),
  ids: z.record(z.string(), z.string()),
  created: z.array(z.string()),
  skipped: z.array(z.string()),
  requests: z.array(z.unknown()),
  remote: z.record(z.string(), z.string()),
});

export const PlatformErrorSchema = z.object({
  error: z.string(),
  platform: z.string(),
  kind: z.string(),
  message: z.string(),
  step: z.string().optional(),
  draftField: z.string().optional(),
  permission: z.string().optional(),
});
