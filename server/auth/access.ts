import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements, adminAc, ownerAc } from 'better-auth/plugins/organization/access';

/**
 * One access-control table for the whole server: better-auth's organization plugin uses it for its own
 * endpoints (invitations, members) and our routes ask the same roles through `can()` below, so a role
 * means the same thing everywhere.
 */
export const statements = {
  ...defaultStatements,
  release: ['write'],
  draft: ['write', 'requestReview'],
  approval: ['decide', 'reopen'],
  kit: ['write'],
  reviewLink: ['create', 'revoke'],
  mediaList: ['write'],
  /** Connect Meta / LinkedIn and pick the ad account; send drafts to them. */
  platform: ['connect', 'send'],
} as const;

export const ac = createAccessControl(statements);

const allContent = {
  release: ['write'],
  draft: ['write', 'requestReview'],
  approval: ['decide', 'reopen'],
  kit: ['write'],
  reviewLink: ['create', 'revoke'],
  mediaList: ['write'],
  platform: ['connect', 'send'],
} as const;

export const roles = {
  owner: ac.newRole({ ...ownerAc.statements, ...allContent }),
  admin: ac.newRole({ ...adminAc.statements, ...allContent }),
  /** Editors write releases and drafts, ask for review, connect platforms and send; they never approve. */
  editor: ac.newRole({
    release: ['write'],
    draft: ['write', 'requestReview'],
    reviewLink: ['create', 'revoke'],
    mediaList: ['write'],
    platform: ['connect', 'send'],
  }),
  /** Reviewers read everything, comment, approve / reject / reopen, and may share reviewer links. */
  reviewer: ac.newRole({ approval: ['decide', 'reopen'], reviewLink: ['create', 'revoke'] }),
};

export type RoleName = keyof typeof roles;
export const ROLE_NAMES = Object.keys(roles) as RoleName[];

type Statements = typeof statements;
export type Permission = { [K in keyof Statements]?: Statements[K][number][] };

/** A member row's role may be a comma-separated list (better-auth allows several roles). */
export function can(roleField: string, permission: Permission): boolean {
  return roleField
    .split(',')
    .map((r) => r.trim())
    .some((r) => {
      const role = roles[r as RoleName];
      return role ? role.authorize(permission as never).success : false;
    });
}
