import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

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

/** Reads and validates a JSON body; 400 with zod's issues when it does not fit. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    fail(400, 'bad_json', 'body must be JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) fail(400, 'invalid', 'body does not match the schema', parsed.error.issues);
  return parsed.data;
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) fail(400, 'invalid', 'query does not match the schema', parsed.error.issues);
  return parsed.data;
}

export function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();
}
