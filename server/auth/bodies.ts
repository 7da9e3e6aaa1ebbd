import { z } from 'zod';
import {
  ChangeEmailRequestSchema,
  ChangePasswordRequestSchema,
  InviteRequestSchema,
  OrganisationRequestSchema,
  OrganisationUpdateRequestSchema,
  SignInRequestSchema,
  SignUpRequestSchema,
  UpdateUserRequestSchema,
} from '../../utils/contract/account.ts';
import { check } from '../lib/validate.ts';

/**
 * better-auth's endpoints whose bodies carry text Wireboost stores (names, e-mails, slugs), by path under
 * /api/auth, with the shared maximum lengths. The app checks them before better-auth sees the body
 * (server/app.ts), so an over-long name is a 400 naming the field instead of a row in the database.
 */
export const AUTH_BODY_SCHEMAS: Record<string, z.ZodType> = {
  '/sign-up/email': SignUpRequestSchema,
  '/sign-in/email': SignInRequestSchema,
  '/update-user': UpdateUserRequestSchema,
  '/change-password': ChangePasswordRequestSchema,
  '/change-email': ChangeEmailRequestSchema,
  '/organization/create': OrganisationRequestSchema,
  '/organization/check-slug': OrganisationRequestSchema,
  '/organization/update': OrganisationUpdateRequestSchema,
  '/organization/invite-member': InviteRequestSchema,
};

/**
 * Refuses (400, naming the field) a better-auth body with text the database cannot hold or longer than
 * the shared maxima, and returns the parsed body. Bodies that are not JSON or a form are left to
 * better-auth, which refuses them (undefined).
 */
export function checkAuthBody(path: string, contentType: string | null, body: string): unknown {
  const type = (contentType ?? '').toLowerCase();
  let value: unknown;
  try {
    if (type.includes('json')) value = JSON.parse(body);
    else if (type.includes('application/x-www-form-urlencoded')) value = Object.fromEntries(new URLSearchParams(body));
    else return;
  } catch {
    return; // better-auth answers malformed JSON itself
  }
  const schema = AUTH_BODY_SCHEMAS[path];
  return schema ? check('json', schema, value) : check('json', z.unknown(), value);
}
