import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BATCH_MAX_BYTES, DRAFT_MAX_BYTES, formatBytes, RELEASE_MAX_BYTES } from '../../utils/contract/limits.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
/** Room for a request's envelope around the document (mutation id, base revision, op). */
const ENVELOPE = 4 * KiB;

interface BodyLimit {
  method?: string;
  path: RegExp;
  max: number;
  /** What the request is, for the refusal: "…larger than the server accepts for <what> (64 KiB)". */
  what: string;
}

/**
 * The largest request body each route accepts, first match wins (server/README.md, "Limits"). A body
 * over its limit is refused from its Content-Length before it is read, or as soon as a chunked body
 * passes the limit, so one client cannot make the server buffer megabytes or stall other requests.
 */
export const BODY_LIMITS: BodyLimit[] = [
  { path: /^\/api\/auth\//, max: 16 * KiB, what: 'sign-in, sign-up and account requests' },
  { method: 'POST', path: /^\/api\/orgs\/[^/]+\/drafts\/batch$/, max: BATCH_MAX_BYTES, what: 'a batch of drafts' },
  { method: 'PUT', path: /^\/api\/orgs\/[^/]+\/drafts\/[^/]+$/, max: DRAFT_MAX_BYTES + ENVELOPE, what: 'a draft' },
  {
    method: 'PUT',
    path: /^\/api\/orgs\/[^/]+\/releases\/[^/]+$/,
    max: RELEASE_MAX_BYTES + ENVELOPE,
    what: 'a release',
  },
  // 100,000 SHA-256 hashes of 64 hex digits, quoted and separated: about 6.7 MB.
  { method: 'PUT', path: /^\/api\/orgs\/[^/]+\/media-lists\/[^/]+$/, max: 8 * MiB, what: 'a media list' },
  { method: 'PUT', path: /^\/api\/orgs\/[^/]+\/kit$/, max: 256 * KiB, what: 'the messaging kit' },
  { path: /^\/review\//, max: 16 * KiB, what: 'a reviewer comment' },
  { path: /^\//, max: 64 * KiB, what: 'this request' },
];

export function limitFor(method: string, path: string): BodyLimit {
  return BODY_LIMITS.find((l) => (!l.method || l.method === method) && l.path.test(path))!;
}

/** Every route's body limit (BODY_LIMITS), answering 413 `{ error: 'too_large', message, limit }`. */
export function bodyLimits(): MiddlewareHandler {
  const guards = new Map(
    BODY_LIMITS.map((limit) => [
      limit,
      bodyLimit({
        maxSize: limit.max,
        onError: (c) =>
          c.json(
            {
              error: 'too_large',
              message: `The request is larger than the server accepts for ${limit.what} (${formatBytes(limit.max)}).`,
              limit: limit.max,
            },
            413,
          ),
      }),
    ]),
  );
  return (c, next) => guards.get(limitFor(c.req.method, c.req.path))!(c, next);
}
