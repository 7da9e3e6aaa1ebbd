import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A refusal's body: always a code and a sentence, sometimes the field it is about and more. */
export interface RefusalBody {
  error: string;
  message: string;
  /** The input it is about, as a path: `name`, `draft.headline`, `mutations[2].draft`. */
  field?: string;
  [more: string]: unknown;
}

/** Ends the request with this status and JSON body (server/lib/errors.ts passes it through). */
export function refuse(status: ContentfulStatusCode, body: RefusalBody): never {
  throw new HTTPException(status, {
    res: new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  });
}

/** Every error reply has the same shape: { error: code, message, issues? }. */
export function fail(status: ContentfulStatusCode, error: string, message: string, issues?: unknown): never {
  return refuse(status, { error, message, ...(issues ? { issues } : {}) });
}

export const notFound = (what = 'not found'): never => fail(404, 'not_found', what);
export const forbidden = (why: string): never => fail(403, 'forbidden', why);

export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();
}
