import { PlatformError, authMessage, fieldMessage, permissionMessage } from '../errors.ts';
import { LINKEDIN } from './profile.ts';

/**
 * LinkedIn's error envelope: {status, serviceErrorCode, code, message} plus, on validation failures,
 * errorDetails.inputErrors[].input.inputPath.fieldPath. Rest.li validation messages also name the path:
 * "ERROR :: /commentary :: is required but missing".
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling
 */
export interface LinkedInErrorBody {
  status?: number;
  serviceErrorCode?: number;
  code?: string;
  message?: string;
  errorDetails?: { inputErrors?: { description?: string; input?: { inputPath?: { fieldPath?: string } } }[] };
}

const bodyOf = (body: unknown): LinkedInErrorBody =>
  body && typeof body === 'object'
    ? (body as LinkedInErrorBody)
    : { message: typeof body === 'string' ? body : undefined };

/** LinkedIn field path (suffix match, longest first) → the draft's field name. */
export const LINKEDIN_PATH_TO_DRAFT_FIELD: [string, string][] = [
  ['content.article.title', 'headline'],
  ['content.article.description', 'description'],
  ['content.article.source', 'url'],
  ['content.article.thumbnail', 'imageUrl'],
  ['commentary', 'introText'],
  ['contentLandingPage', 'url'],
  ['contentCallToActionLabel', 'cta'],
  ['dailyBudget.amount', 'dailyBudget'],
  ['dailyBudget', 'dailyBudget'],
  ['targetingCriteria', 'audience'],
  ['runSchedule', 'schedule'],
  ['elements', 'mediaList'],
  ['name', 'name'],
];

export function draftFieldForLinkedInPath(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const normalized = path
    .replace(/^\//, '')
    .replace(/\//g, '.')
    .replace(/\.\d+(?=\.|$)/g, '');
  for (const [suffix, field] of LINKEDIN_PATH_TO_DRAFT_FIELD) {
    if (`.${normalized}.`.includes(`.${suffix}.`)) return field;
  }
  return undefined;
}

/** Resource in "Not enough permissions to access: dmpSegments.CREATE…" → the scope that grants it. */
export const LINKEDIN_RESOURCE_PERMISSION: Record<string, string> = {
  dmpSegments: 'rw_dmp_segments',
  posts: 'w_organization_social',
  adCampaignGroups: 'rw_ads',
  adCampaigns: 'rw_ads',
  creatives: 'rw_ads',
  adAccounts: 'rw_ads',
  adTargetingEntities: 'rw_ads',
  adAnalytics: 'r_ads_reporting',
};

function permissionFor(e: LinkedInErrorBody): string | undefined {
  const text = e.message ?? '';
  const scope = /\b(rw_ads|r_ads_reporting|r_ads|w_organization_social|rw_dmp_segments|rw_organization_admin)\b/.exec(
    text,
  )?.[1];
  if (scope) return scope;
  const resource = /access:\s*(?:partner\.)?([A-Za-z]+)/.exec(text)?.[1];
  return resource ? LINKEDIN_RESOURCE_PERMISSION[resource] : undefined;
}

function fieldPath(e: LinkedInErrorBody): { path?: string; text?: string } {
  const input = e.errorDetails?.inputErrors?.[0];
  if (input?.input?.inputPath?.fieldPath) return { path: input.input.inputPath.fieldPath, text: input.description };
  const m = /::\s*(\/[\w/.]+)\s*::\s*(.*)$/.exec(e.message ?? '');
  return m ? { path: m[1], text: m[2] } : {};
}

/** Status → how to tell the user (rows are data; first match wins). */
const LINKEDIN_ERROR_TABLE: {
  match: (status: number, e: LinkedInErrorBody) => boolean;
  make: (status: number, e: LinkedInErrorBody) => PlatformError;
}[] = [
  {
    // 401: expired (60-day tokens) or revoked. serviceErrorCode 65600–65602 are the token codes.
    match: (s, e) => s === 401 || ((e.serviceErrorCode ?? 0) >= 65600 && (e.serviceErrorCode ?? 0) <= 65602),
    make: (status, e) =>
      new PlatformError('linkedin', 'auth', authMessage(LINKEDIN.label), { status, code: e.serviceErrorCode, raw: e }),
  },
  {
    match: (s) => s === 403,
    make: (status, e) => {
      const permission = permissionFor(e);
      return new PlatformError('linkedin', 'permission', permissionMessage(LINKEDIN.label, permission), {
        status,
        permission,
        code: e.serviceErrorCode,
        raw: e,
      });
    },
  },
  {
    match: (s) => s === 400 || s === 422,
    make: (status, e) => {
      const { path, text } = fieldPath(e);
      const draftField = draftFieldForLinkedInPath(path);
      const why = text || e.message || 'invalid value';
      return new PlatformError(
        'linkedin',
        'field',
        draftField ? fieldMessage(LINKEDIN.label, draftField, why) : `LinkedIn rejected the request: ${why}`,
        { status, draftField, code: e.serviceErrorCode, raw: e },
      );
    },
  },
];

export function linkedInError(status: number, body: unknown): PlatformError {
  const e = bodyOf(body);
  for (const row of LINKEDIN_ERROR_TABLE) if (row.match(status, e)) return row.make(status, e);
  return new PlatformError('linkedin', 'unknown', `LinkedIn refused: ${e.message ?? `HTTP ${status}`}`, {
    status,
    code: e.serviceErrorCode,
    raw: e,
  });
}

/** LinkedIn sends no rate-limit headers, only 429; honour Retry-After if a proxy adds one. */
export function linkedInThrottleWaitMs(status: number, headers: Headers): number | undefined | false {
  if (status !== 429) return false;
  const seconds = Number(headers.get('retry-after'));
  return seconds > 0 ? seconds * 1_000 : undefined;
}
