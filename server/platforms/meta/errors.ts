import { PlatformError, authMessage, fieldMessage, permissionMessage } from '../errors.ts';
import { META } from './profile.ts';

/**
 * Meta's error envelope: {error: {message, type, code, error_subcode, error_user_title, error_user_msg,
 * error_data, fbtrace_id}}. https://developers.facebook.com/docs/graph-api/guides/error-handling
 */
export interface MetaErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  error_data?: unknown;
  fbtrace_id?: string;
}

export function metaErrorOf(body: unknown): MetaErrorBody | undefined {
  const e = (body as { error?: unknown } | null)?.error;
  return e && typeof e === 'object' ? (e as MetaErrorBody) : undefined;
}

/**
 * Throttling arrives as codes in the body, not HTTP 429 (17 user request limit, 613 calls within the
 * rate limit, 80000–80014 business-use-case limits).
 * https://developers.facebook.com/docs/marketing-api/overview/rate-limiting
 */
export function isMetaThrottle(e: MetaErrorBody | undefined): boolean {
  const code = e?.code ?? -1;
  return code === 17 || code === 613 || (code >= 80000 && code <= 80014);
}

/**
 * How long Meta asks us to wait: X-Business-Use-Case-Usage carries estimated_time_to_regain_access in
 * minutes per business/use case; X-Ad-Account-Usage carries reset_time_duration in seconds (and, in some
 * responses, estimated_time_to_regain_access). We take the longest figure we find.
 */
export function metaRetryAfterMs(headers: Headers): number | undefined {
  const waits: number[] = [];
  const buc = parseJson(headers.get('x-business-use-case-usage'));
  if (buc && typeof buc === 'object') {
    for (const entries of Object.values(buc as Record<string, unknown>)) {
      for (const e of Array.isArray(entries) ? entries : []) {
        const minutes = Number((e as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access);
        if (minutes > 0) waits.push(minutes * 60_000);
      }
    }
  }
  const acc = parseJson(headers.get('x-ad-account-usage')) as
    { reset_time_duration?: unknown; estimated_time_to_regain_access?: unknown } | undefined;
  if (acc && typeof acc === 'object') {
    const seconds = Number(acc.reset_time_duration);
    if (seconds > 0) waits.push(seconds * 1_000);
    const minutes = Number(acc.estimated_time_to_regain_access);
    if (minutes > 0) waits.push(minutes * 60_000);
  }
  return waits.length ? Math.max(...waits) : undefined;
}

function parseJson(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Meta parameter path (suffix match, longest first) → the draft's field name. Paths come from
 * error_data.blame_field_specs when Meta sends it, else from "param <name>" in the message.
 */
export const META_PARAM_TO_DRAFT_FIELD: [string, string][] = [
  ['link_data.call_to_action.value.link', 'url'],
  ['link_data.call_to_action', 'cta'],
  ['link_data.message', 'primaryText'],
  ['link_data.name', 'headline'],
  ['link_data.description', 'description'],
  ['link_data.picture', 'imageUrl'],
  ['link_data.link', 'url'],
  ['call_to_action', 'cta'],
  ['message', 'primaryText'],
  ['description', 'description'],
  ['picture', 'imageUrl'],
  ['link', 'url'],
  ['daily_budget', 'dailyBudget'],
  ['start_time', 'schedule'],
  ['end_time', 'schedule'],
  ['custom_audiences', 'mediaList'],
  ['targeting', 'audience'],
  ['flexible_spec', 'audience'],
  ['geo_locations', 'audience'],
  ['payload', 'mediaList'],
  ['name', 'name'],
];

export function draftFieldForMetaParam(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const normalized = path.replace(/\[\d+\]/g, '').replace(/\//g, '.');
  for (const [suffix, field] of META_PARAM_TO_DRAFT_FIELD) {
    // The blamed path may stop at the field or go deeper into it (call_to_action.type → cta).
    const dotted = `.${normalized}.`;
    if (dotted.includes(`.${suffix}.`)) return field;
  }
  return undefined;
}

function blamedPath(e: MetaErrorBody): string | undefined {
  let data = e.error_data;
  if (typeof data === 'string') data = parseJson(data);
  const specs = (data as { blame_field_specs?: unknown } | undefined)?.blame_field_specs;
  if (Array.isArray(specs) && Array.isArray(specs[0])) return (specs[0] as string[]).join('.');
  const m = /\bparam(?:eter)?\s+([a-z_][\w.[\]]*)/i.exec(e.message ?? '');
  return m?.[1];
}

const META_PERMISSIONS =
  /\b(ads_management|ads_read|business_management|pages_read_engagement|pages_show_list|pages_manage_ads)\b/;

/**
 * Error code → how to tell the user. Order matters (first match wins); rows are data, not branches.
 * Codes: https://developers.facebook.com/docs/graph-api/guides/error-handling#errorcodes and
 * https://developers.facebook.com/docs/marketing-api/error-reference
 */
const META_ERROR_TABLE: {
  match: (e: MetaErrorBody) => boolean;
  make: (e: MetaErrorBody, status: number) => PlatformError;
}[] = [
  {
    // 190 invalid/expired token; 102 session; 463/467 expired subcodes.
    match: (e) => e.code === 190 || e.code === 102 || (e.type === 'OAuthException' && e.code === 2500),
    make: (e, status) => new PlatformError('meta', 'auth', authMessage(META.label), { status, code: e.code, raw: e }),
  },
  {
    // 10 and 200–299: permission errors ("(#200) Requires ads_management permission").
    match: (e) => e.code === 10 || (e.code !== undefined && e.code >= 200 && e.code <= 299),
    make: (e, status) => {
      const permission = META_PERMISSIONS.exec(`${e.message ?? ''} ${e.error_user_msg ?? ''}`)?.[1];
      return new PlatformError('meta', 'permission', permissionMessage(META.label, permission), {
        status,
        code: e.code,
        permission,
        raw: e,
      });
    },
  },
  {
    // 100 invalid parameter (and 1487xxx ad-specific subcodes under it): name the draft field.
    match: (e) => e.code === 100 || e.code === 1487390,
    make: (e, status) => {
      const draftField = draftFieldForMetaParam(blamedPath(e));
      const text = e.error_user_msg || e.message || 'invalid value';
      return new PlatformError(
        'meta',
        'field',
        draftField ? fieldMessage(META.label, draftField, text) : `Meta rejected the request: ${text}`,
        { status, code: e.code, draftField, raw: e },
      );
    },
  },
];

export function metaError(status: number, body: unknown): PlatformError {
  const e = metaErrorOf(body) ?? { message: typeof body === 'string' ? body : `HTTP ${status}` };
  for (const row of META_ERROR_TABLE) if (row.match(e)) return row.make(e, status);
  return new PlatformError('meta', 'unknown', `Meta refused: ${e.error_user_msg || e.message || `HTTP ${status}`}`, {
    status,
    code: e.code,
    raw: e,
  });
}
