import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error reply has the same shape: { error: code, message, issues? }. */
export function fail(status: ContentfulStatusCode, error: string, message: string, issues?: unknown): never {
  throw new HTTPException(status, {
    res: new Response(JSON.stringify({ error, message, ...(issues ? { issues } : {}) }), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }),
  });
}

export const notFound = (what = 'not found'): never => fail(404, 'not_found', what);
export const forbidden = (why: string): never => fail(403, 'forbidden', why);

export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();
}
