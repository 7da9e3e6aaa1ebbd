import { z } from 'zod';
import { PlatformSchema } from './draft';

/**
 * The shape of a platform connection as the team server reports it (never a token), shared by the
 * server's route (which documents it in OpenAPI) and the extension (which checks every reply with it).
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
