import { z } from 'zod';
import { LIMITS } from './limits';

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

/*
 * What the extension sends to better-auth, with the shared maximum lengths (utils/contract/limits.ts):
 * the team server checks these before better-auth sees the body, so a sign-up form can show the same
 * limits. Only the fields Wireboost sends are listed; better-auth checks the rest.
 */
const name = z.string().max(LIMITS.name);
const email = z.string().max(LIMITS.email);
const password = z.string().max(LIMITS.password);

/** POST /api/auth/sign-up/email */
export const SignUpRequestSchema = z.looseObject({
  name: name.optional(),
  email: email.optional(),
  password: password.optional(),
});
/** POST /api/auth/sign-in/email */
export const SignInRequestSchema = z.looseObject({ email: email.optional(), password: password.optional() });
/** POST /api/auth/update-user */
export const UpdateUserRequestSchema = z.looseObject({
  name: name.optional(),
  image: z.string().max(LIMITS.url).nullish(),
});
/** POST /api/auth/organization/create and …/check-slug */
export const OrganisationRequestSchema = z.looseObject({
  name: name.optional(),
  slug: z.string().max(LIMITS.slug).optional(),
});
/** POST /api/auth/organization/update */
export const OrganisationUpdateRequestSchema = z.looseObject({ data: OrganisationRequestSchema.optional() });
/** POST /api/auth/organization/invite-member */
export const InviteRequestSchema = z.looseObject({ email: email.optional() });
/** POST /api/auth/change-password */
export const ChangePasswordRequestSchema = z.looseObject({
  currentPassword: password.optional(),
  newPassword: password.optional(),
});
/** POST /api/auth/change-email */
export const ChangeEmailRequestSchema = z.looseObject({ newEmail: email.optional() });
