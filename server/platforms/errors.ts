import type { Platform } from '../../utils/contract/draft.ts';

/**
 * Every platform failure the user can see, already turned into words. `kind` lets the server decide
 * what to offer (a reconnect button, a field to fix); `draftField` names the draft's own field, never
 * the platform's parameter, so the workspace can highlight it.
 */
export type PlatformErrorKind =
  | 'auth' // token expired / revoked: reconnect
  | 'permission' // a scope or role is missing
  | 'field' // the platform rejected a value we sent
  | 'throttled' // rate limit outlasted our retries
  | 'targeting' // refused locally before sending (LinkedIn facet rules, missing location)
  | 'not_approved' // the organisation requires approval and this draft has none
  | 'invalid' // refused locally: the input can't make a valid send (e.g. raw e-mails instead of hashes)
  | 'unknown';

export class PlatformError extends Error {
  constructor(
    readonly platform: Platform,
    readonly kind: PlatformErrorKind,
    message: string,
    readonly details: {
      draftField?: string;
      permission?: string;
      step?: string;
      status?: number;
      code?: string | number;
      retryAfterMs?: number;
      raw?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  toJSON() {
    const { raw: _raw, ...details } = this.details;
    return { platform: this.platform, kind: this.kind, message: this.message, ...details };
  }
}

/** Draft fields as the workspace labels them, for messages. */
export const DRAFT_FIELD_LABEL: Record<string, string> = {
  primaryText: 'primary text',
  introText: 'intro text',
  headline: 'headline',
  description: 'description',
  cta: 'call to action',
  url: 'link',
  imageUrl: 'image',
  audience: 'audience',
  dailyBudget: 'daily budget',
  schedule: 'schedule',
  mediaList: 'media list',
  name: 'name',
};

/** Messages below take the platform's name (its profile's label) from the platform's own error table. */
export function fieldMessage(p: string, draftField: string, platformText: string): string {
  return `${p} rejected the ${DRAFT_FIELD_LABEL[draftField] ?? draftField}: ${platformText}`;
}

export function authMessage(p: string): string {
  return `Your ${p} connection has expired or was revoked: reconnect ${p} in Wireboost's options, then send again.`;
}

export function permissionMessage(p: string, permission: string | undefined): string {
  return permission
    ? `${p} did not grant the "${permission}" permission: reconnect ${p} and approve it (an admin may have to request it for the app).`
    : `${p} refused: the connected account lacks a permission or a role on this ad account.`;
}
