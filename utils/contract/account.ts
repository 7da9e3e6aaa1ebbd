import { z } from 'zod';

/**
 * The team server's account replies the extension reads: GET /api/me, and the parts of better-auth's
 * sign-in / sign-up / organisation replies it uses. The server documents /api/me with the same schema.
 */
export const AccountUserSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const OrganisationSchema = z.object({ id: z.string(), name: z.string(), slug: z.string(), role: z.string() });
export type Organisation = z.infer<typeof OrganisationSchema>;

/** GET /api/me */
export const MeSchema = z.object({ user: AccountUserSchema, organizations: z.array(OrganisationSchema) });
export type Me = z.infer<typeof MeSchema>;

/** better-auth's sign-in / sign-up reply body (the bearer token is its `set-auth-token` header). */
export const SessionReplySchema = z.object({ user: AccountUserSchema });

/** better-auth's organization/create reply. */
export const CreatedOrganisationSchema = OrganisationSchema.omit({ role: true });
